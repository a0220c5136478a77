//! The commands that follow, ready to copy.

use yew::prelude::*;

use crate::i18n::use_text;

/// Properties of [`NextSteps`].
#[derive(Properties, PartialEq)]
pub struct NextStepsProps {
    /// The commands, in order.
    pub commands: Vec<String>,
    /// Copy (what, text).
    pub on_copy: Callback<(String, String)>,
}

/// The next commands.
#[function_component(NextSteps)]
pub fn next_steps(props: &NextStepsProps) -> Html {
    let text = use_text();
    let all = props.commands.join("\n");
    let copy_all = {
        let cb = props.on_copy.clone();
        Callback::from(move |_: MouseEvent| {
            cb.emit((text.next_the_commands.to_owned(), all.clone()))
        })
    };
    html! {
        <div class="next" data-testid="next-commands">
            <div class="label-row">
                <h3>{ text.next_title }</h3>
                <button type="button" class="ghost small" onclick={copy_all}>{ text.next_copy_all }</button>
            </div>
            <ol>
                { for props.commands.iter().map(|c| {
                    let (cb, command) = (props.on_copy.clone(), c.clone());
                    let copy = Callback::from(move |_: MouseEvent| cb.emit((text.next_the_command.to_owned(), command.clone())));
                    html! {
                        <li><code>{ c }</code>
                            <button type="button" class="ghost small" onclick={copy} aria-label={(text.next_copy_command)(c)}>{ text.copy }</button>
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
