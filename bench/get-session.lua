-- wrk's request for figure 5a of bench/Bench.java: GET one session with its artifacts expanded, from the read
-- model, with the bearer token (wrk sends no header of its own). TOKEN and SESSION come from the environment.
wrk.method = "GET"
wrk.path = "/beta/solutions/backupRestore/exchangeRestoreSessions/" .. os.getenv("SESSION") .. "?$expand=mailboxRestoreArtifacts"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
