"""The web UI: templates, static assets (CSS, JS, the world map) and the server-side
article highlighter."""
