// The key-generation worker, started by the page at load: the same wasm module as the page,
// whose main() sees that it runs in a worker (no window) and answers key requests.
import init from "./csrcraft-web.js";

await init({ module_or_path: new URL("./csrcraft-web_bg.wasm", import.meta.url) });
