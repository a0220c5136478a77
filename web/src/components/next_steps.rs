//! The commands that follow, ready to copy.

use yew::prelude::*;

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
    let all = props.commands.join("\n");
    let copy_all = {
        let cb = props.on_copy.clone();
        Callback::from(move |_: MouseEvent| cb.emit(("the commands".to_owned(), all.clone())))
    };
    html! {
        <div class="next" data-testid="next-commands">
            <div class="label-row">
                <h3>{ "Then, with csr.yaml downloaded" }</h3>
                <button type="button" class="ghost small" onclick={copy_all}>{ "Copy all" }</button>
            </div>
            <ol>
                { for props.commands.iter().map(|c| {
                    let (cb, text) = (props.on_copy.clone(), c.clone());
                    let copy = Callback::from(move |_: MouseEvent| cb.emit(("the command".to_owned(), text.clone())));
                    html! {
                        <li><code>{ c }</code>
                            <button type="button" class="ghost small" onclick={copy} aria-label={format!("Copy: {c}")}>{ "Copy" }</button>
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
