//! The page's side of the key-generation worker: started once at load, so its script and wasm
//! are fetched up front; requests wait in a queue until it says it is ready.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::Callback;

use crate::protocol::{READY, Request, Response};

/// The worker's script, next to `index.html`: a module that loads this same wasm.
pub const WORKER_URL: &str = "./worker.js";

/// What the worker said.
pub enum Reply {
    /// Its wasm is running.
    Ready,
    /// An answer.
    Response(Response),
    /// It crashed or could not load.
    Broken(String),
}

/// The running worker; terminated when dropped.
pub struct KeyWorker {
    worker: web_sys::Worker,
    queue: Rc<RefCell<Option<Vec<String>>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl KeyWorker {
    /// Starts the worker; `on_reply` hears everything it says.
    pub fn start(on_reply: Callback<Reply>) -> Result<Self, String> {
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(WORKER_URL, &options)
            .map_err(|e| format!("could not start the worker: {e:?}"))?;
        // `Some(queue)` until ready; then `None` and messages go straight through.
        let queue: Rc<RefCell<Option<Vec<String>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let (q, w, reply) = (queue.clone(), worker.clone(), on_reply.clone());
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let Some(text) = event.data().as_string() else {
                    return;
                };
                if text == READY {
                    for message in q.borrow_mut().take().unwrap_or_default() {
                        let _ = w.post_message(&message.into());
                    }
                    reply.emit(Reply::Ready);
                    return;
                }
                let text = zeroize::Zeroizing::new(text);
                match serde_json::from_str::<Response>(&text) {
                    Ok(response) => reply.emit(Reply::Response(response)),
                    Err(e) => reply.emit(Reply::Broken(format!("unreadable answer: {e}"))),
                }
            },
        );
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
            on_reply.emit(Reply::Broken(
                "the key-generation worker failed to load or crashed; reload the page".into(),
            ));
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Self {
            worker,
            queue,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends a request (queued until the worker is ready).
    pub fn send(&self, request: &Request) {
        let Ok(text) = serde_json::to_string(request) else {
            return;
        };
        match self.queue.borrow_mut().as_mut() {
            Some(queue) => queue.push(text),
            None => {
                let _ = self.worker.post_message(&text.into());
            }
        }
    }
}

impl Drop for KeyWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
