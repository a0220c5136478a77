// Starts the app. Trunk's own initializer would be an inline script, which the
// Content-Security-Policy forbids; file hashes are off (Trunk.toml), so the names are fixed.
import init from "./csrcraft-web.js";

await init({ module_or_path: new URL("./csrcraft-web_bg.wasm", import.meta.url) });
