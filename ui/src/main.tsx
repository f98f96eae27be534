// The web view's entry inside Tauri.
import { renderApp } from "./bootstrap";

renderApp();
