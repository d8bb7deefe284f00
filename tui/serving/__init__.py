"""`haicap serve`'s guard: who may open the browser view, and what a served app may touch.

`origin` checks each request's Origin, Host and secret token against the served URL,
`server` is the textual-serve `Server` that applies it (and the cap on sessions), and
`folders` holds what a dashboard run for a browser tab may read from the server's disk.
Only `server` imports textual-serve, so the other two stay cheap for the app to import.
"""
