// DEVELOPMENT ONLY (dev.html): the app on an in-memory fake of the Rust side.
// ?lang=id starts in Indonesian, ?empty starts with nothing, ?error=store_corrupt
// shows the startup error screen.
import { renderApp } from "../bootstrap";
import { installMockBackend } from "../ipc/dev/mockBackend";

const params = new URLSearchParams(window.location.search);
const error = params.get("error");
installMockBackend({
  language: params.get("lang") === "id" ? "id" : "en",
  empty: params.has("empty"),
  ...(error ? { startupError: error } : {}),
});
renderApp();
