-- GET one session with its artifacts expanded, from the read model.
wrk.method = "GET"
wrk.path = "/beta/solutions/backupRestore/exchangeRestoreSessions/" .. os.getenv("SESSION") .. "?$expand=mailboxRestoreArtifacts"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
