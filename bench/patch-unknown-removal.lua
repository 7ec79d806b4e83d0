-- PATCH one removal of an id that is not in the session: the command travels the whole write path and is
-- rejected by the aggregate (nothing is stored), so the session can be hit again and again.
wrk.method = "PATCH"
wrk.path = "/beta/solutions/backupRestore/exchangeRestoreSessions/" .. os.getenv("SESSION")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"mailboxRestoreArtifacts@delta": [{"@removed": {"reason": "changed"}, "id": "4267e382-71a9-4c07-bef7-bda97e09c0d2"}]}'
