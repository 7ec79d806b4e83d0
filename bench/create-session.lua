-- POST an empty draft session: one command, one event, and the wait for the read side.
wrk.method = "POST"
wrk.path = "/beta/solutions/backupRestore/exchangeRestoreSessions"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.body = "{}"
