/// The API's OpenAPI 3.1 description, served at /api/v1/openapi.json. `OpenAPITests` checks that
/// every operation here answers, and as documented.
enum OpenAPIDocument {
    static let text = #"""
    {
      "openapi": "3.1.0",
      "info": {"title": "Kaohe 考核 web service", "version": "1.0.0",
               "description": "An assessment round of 机关党建考核: self-assessments, review, results and the rectification ledger. Sign in with POST /session; send the session cookie with every request and the csrf token in X-CSRF-Token with every state change."},
      "servers": [{"url": "/api/v1"}],
      "components": {
        "securitySchemes": {
          "session": {"type": "apiKey", "in": "cookie", "name": "kaohe_session"},
          "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token"}
        },
        "schemas": {
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
          "Diagnostics": {"type": "object", "required": ["diagnostics"], "properties": {"diagnostics": {"type": "array", "items": {
            "type": "object", "required": ["path", "message", "line", "column"],
            "properties": {"path": {"type": "string", "examples": ["facts.meetings[3].date"]}, "message": {"type": "string"},
                           "help": {"type": "string"}, "line": {"type": "integer"}, "column": {"type": "integer"}}}}}},
          "Round": {"type": "object", "required": ["id", "checklist", "as_of", "state"], "properties": {
            "id": {"type": "string"}, "checklist": {"type": "string"}, "as_of": {"type": "string", "format": "date"},
            "state": {"enum": ["open", "closed"]}}},
          "RoundUnit": {"type": "object", "required": ["id", "name", "status"], "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "category": {"type": ["string", "null"]},
            "status": {"enum": ["none", "draft", "submitted", "returned", "accepted"]}, "reason": {"type": ["string", "null"]},
            "total": {"type": ["number", "null"]}, "grade": {"type": ["string", "null"]}}},
          "SelfAssessment": {"type": "object", "description": "A self-assessment as SPEC §5 JSON (kaohe: 1, kind: self-assessment, checklist, unit, as_of, facts, responses)."},
          "Result": {"type": "object", "description": "One unit's result as SPEC §6 JSON, byte for byte what kaohe evaluate --format json gives."},
          "Results": {"type": "object", "description": "Every submitted unit's result and the ranking, as kaohe evaluate --format json gives for a batch."},
          "LedgerItem": {"type": "object", "properties": {"id": {"type": "integer"}, "finding": {"type": "string"}, "unit": {"type": "string"},
            "problem": {"type": "string"}, "status": {"enum": ["open", "rectifying", "rectified", "closed", "reopened"]}}},
          "Assignment": {"type": "object", "required": ["unit", "assessor", "name"], "properties": {
            "unit": {"type": "string"}, "assessor": {"type": "string"}, "name": {"type": "string"}}},
          "OnsiteScore": {"type": "object", "required": ["assessor", "name", "points", "method"], "properties": {
            "assessor": {"type": "string"}, "name": {"type": "string"}, "points": {"type": "number"}, "method": {"type": "string"}, "note": {"type": ["string", "null"]}}},
          "OnsiteItem": {"type": "object", "required": ["item", "title", "points", "scores"], "properties": {
            "item": {"type": "string"}, "title": {"type": "string"}, "points": {"type": "number"}, "self_score": {"type": ["number", "null"]},
            "scores": {"type": "array", "items": {"$ref": "#/components/schemas/OnsiteScore"}}}},
          "Competition": {"type": "object", "required": ["competition", "title", "stage", "field", "finalists", "daily", "jurors", "report"], "properties": {
            "competition": {"type": "string"}, "title": {"type": "string"}, "stage": {"enum": ["preview", "scoring", "closed"]},
            "field": {"type": "array", "items": {"type": "string"}, "description": "The units taking part, frozen when the finalists are named"},
            "finalists": {"type": "array", "items": {"type": "string"}}, "daily": {"type": "object", "additionalProperties": {"type": "number"}},
            "jurors": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"},
              "scored": {"type": "integer", "description": "Finalists this juror has scored (their points stay hidden until scoring closes)"}}}},
            "problem": {"type": ["string", "null"]},
            "report": {"description": "The run so far as kaohe competition --format json gives it, or null", "type": ["object", "null"]}}},
          "Report": {"type": "object", "description": "A published 月通报, frozen as published; GET /reports/{id} adds html and csv.",
            "required": ["id", "month", "number", "issuer", "title", "published_by", "published_at", "head"],
            "properties": {"id": {"type": "integer"}, "month": {"type": "string"}, "number": {"type": "string"}, "issuer": {"type": "string"},
              "title": {"type": "string"}, "published_by": {"type": "string"}, "published_at": {"type": "integer"}, "head": {"type": "string"},
              "html": {"type": "string"}, "csv": {"type": "string"}}}
        }
      },
      "security": [{"session": []}],
      "paths": {
        "/session": {
          "post": {"operationId": "signIn", "security": [], "summary": "Sign in",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["user", "password"],
              "properties": {"user": {"type": "string"}, "password": {"type": "string"}}}}}},
            "responses": {"200": {"description": "Signed in; the session cookie is set", "content": {"application/json": {"schema": {"type": "object",
              "required": ["user", "roles", "csrf"], "properties": {"user": {"type": "string"}, "roles": {"type": "array", "items": {"type": "string"}}, "csrf": {"type": "string"}}}}}},
              "401": {"description": "Wrong user or password", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "423": {"description": "Locked for 15 minutes after five failures", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}},
          "delete": {"operationId": "signOut", "security": [{"session": [], "csrf": []}], "summary": "Sign out",
            "responses": {"200": {"description": "Signed out"}, "401": {"description": "Not signed in"}, "403": {"description": "No CSRF token"}}}
        },
        "/rounds": {
          "get": {"operationId": "listRounds", "summary": "The rounds the user takes part in",
            "responses": {"200": {"description": "Rounds", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Round"}}}}},
                          "401": {"description": "Not signed in"}}}
        },
        "/rounds/{round}/units": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "listUnits", "summary": "Each unit's status, total and grade (a unit sees its own row)",
            "responses": {"200": {"description": "Units", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/RoundUnit"}}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not the committee or a unit"}, "404": {"description": "No such round for this user"}}}
        },
        "/rounds/{round}/units/{unit}/draft": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}},
                         {"name": "unit", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "getDraft", "summary": "The latest draft (committee; that unit)",
            "responses": {"200": {"description": "The draft as §5 JSON, however it was typed; a draft saved as YAML that does not parse comes back as the YAML saved, nothing lost", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SelfAssessment"}}, "application/yaml": {"schema": {"type": "string"}}}},
                          "401": {"description": "Not signed in"}, "404": {"description": "No draft, or not this user's to see"}}},
          "put": {"operationId": "saveDraft", "security": [{"session": [], "csrf": []}], "summary": "Save a new version of the draft (that unit)",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SelfAssessment"}}}},
            "responses": {"200": {"description": "Saved, no diagnostics", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Diagnostics"}}}},
                          "422": {"description": "Saved as a draft all the same; the engine's diagnostics", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Diagnostics"}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not this unit's 填报员, or no CSRF token"}, "404": {"description": "Not this user's unit"},
                          "409": {"description": "Submitted or accepted: frozen"}, "413": {"description": "Larger than 1 MB"}}}
        },
        "/rounds/{round}/units/{unit}/submit": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}},
                         {"name": "unit", "in": "path", "required": true, "schema": {"type": "string"}}],
          "post": {"operationId": "submit", "security": [{"session": [], "csrf": []}], "summary": "Submit the latest draft (that unit)",
            "responses": {"200": {"description": "Submitted; the result", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Result"}}}},
                          "422": {"description": "Stays a draft; the diagnostics", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Diagnostics"}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not this unit's 填报员, or no CSRF token"}, "404": {"description": "Not this user's unit"},
                          "409": {"description": "No draft, or already submitted"}}}
        },
        "/rounds/{round}/units/{unit}/return": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}},
                         {"name": "unit", "in": "path", "required": true, "schema": {"type": "string"}}],
          "post": {"operationId": "returnSubmission", "security": [{"session": [], "csrf": []}], "summary": "Return a submission with a reason (committee)",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["reason"], "properties": {"reason": {"type": "string"}}}}}},
            "responses": {"200": {"description": "Returned"}, "401": {"description": "Not signed in"}, "403": {"description": "Not the committee, or no CSRF token"},
                          "409": {"description": "Not submitted"}, "422": {"description": "No reason"}}}
        },
        "/rounds/{round}/units/{unit}/accept": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}},
                         {"name": "unit", "in": "path", "required": true, "schema": {"type": "string"}}],
          "post": {"operationId": "accept", "security": [{"session": [], "csrf": []}], "summary": "Accept a submission; its findings go into the ledger (committee)",
            "responses": {"200": {"description": "Accepted"}, "401": {"description": "Not signed in"}, "403": {"description": "Not the committee, or no CSRF token"},
                          "409": {"description": "Not submitted"}}}
        },
        "/rounds/{round}/results": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "results", "summary": "Every submitted unit's result and the ranking (committee)",
            "responses": {"200": {"description": "Results", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Results"}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not the committee"}}}
        },
        "/ledger": {
          "get": {"operationId": "ledger", "summary": "Rectification items (committee, verifiers; a unit its own)",
            "parameters": [{"name": "unit", "in": "query", "schema": {"type": "string"}}, {"name": "status", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": {"description": "Items", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/LedgerItem"}}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "No ledger role"}, "404": {"description": "Another unit's ledger"}}}
        },
        "/ledger/{id}": {
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
          "get": {"operationId": "ledgerItem", "summary": "One item with its history and the moves this user may make (committee, verifiers; a unit its own)",
            "responses": {"200": {"description": "The item", "content": {"application/json": {"schema": {"type": "object", "required": ["item", "history", "moves"],
              "properties": {"item": {"$ref": "#/components/schemas/LedgerItem"}, "history": {"type": "array", "items": {"type": "object"}},
                             "moves": {"type": "array", "items": {"type": "string"}}}}}}},
                          "401": {"description": "Not signed in"}, "404": {"description": "No such item for this user"}}}
        },
        "/reports": {
          "get": {"operationId": "reports", "summary": "The published 月通报, newest first (everyone signed in)",
            "responses": {"200": {"description": "Reports", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Report"}}}}},
                          "401": {"description": "Not signed in"}}},
          "post": {"operationId": "publishReport", "security": [{"session": [], "csrf": []}], "summary": "Publish the 月通报 of a month that has ended, frozen as published (committee)",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["month", "number", "issuer"],
              "properties": {"month": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}, "number": {"type": "string"}, "issuer": {"type": "string"}}}}}},
            "responses": {"201": {"description": "Published", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not the committee, or no CSRF token"},
                          "422": {"description": "Not a month that has ended, or no number or issuer"}}}
        },
        "/reports/{id}": {
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
          "get": {"operationId": "report", "summary": "One published 月通报 with its document (HTML, printable on A4) and table (CSV)",
            "responses": {"200": {"description": "The report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}},
                          "401": {"description": "Not signed in"}, "404": {"description": "No such report"}}}
        },
        "/rounds/{round}/assignments": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "assignments", "summary": "Which assessor scores which unit on site (committee: all; an assessor: their own)",
            "responses": {"200": {"description": "Assignments", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Assignment"}}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not the committee or an assessor"}, "404": {"description": "No such round"}}}
        },
        "/rounds/{round}/units/{unit}/assessors/{assessor}": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}},
                         {"name": "unit", "in": "path", "required": true, "schema": {"type": "string"}},
                         {"name": "assessor", "in": "path", "required": true, "schema": {"type": "string"}}],
          "put": {"operationId": "assign", "security": [{"session": [], "csrf": []}], "summary": "Assign an assessor account to score the unit on site (committee)",
            "responses": {"200": {"description": "Assigned"}, "401": {"description": "Not signed in"}, "403": {"description": "Not the committee, or no CSRF token"},
                          "404": {"description": "No such unit in the round"}, "422": {"description": "Not an assessor account"}}},
          "delete": {"operationId": "unassign", "security": [{"session": [], "csrf": []}], "summary": "Take the assessor off the unit (committee)",
            "responses": {"200": {"description": "Unassigned"}, "401": {"description": "Not signed in"}, "403": {"description": "Not the committee, or no CSRF token"},
                          "404": {"description": "Not assigned"}}}
        },
        "/rounds/{round}/units/{unit}/onsite": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}},
                         {"name": "unit", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "onsiteItems", "summary": "The unit's manual items with the scores this user may see (committee: every assessor's; an assigned assessor: their own)",
            "responses": {"200": {"description": "Items", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/OnsiteItem"}}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not assigned to this unit"}, "404": {"description": "No such unit in the round"}}}
        },
        "/rounds/{round}/units/{unit}/onsite/{item}": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}},
                         {"name": "unit", "in": "path", "required": true, "schema": {"type": "string"}},
                         {"name": "item", "in": "path", "required": true, "schema": {"type": "string"}}],
          "put": {"operationId": "scoreOnsite", "security": [{"session": [], "csrf": []}], "summary": "This assessor's score of one manual item (an assessor assigned to the unit); a submitted unit's result is scored again at once",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["points", "method"],
              "properties": {"points": {"type": "number", "minimum": 0}, "method": {"enum": ["现场查看", "听取汇报", "查阅资料", "座谈交流", "个别谈话"]}, "note": {"type": "string", "maxLength": 500}}}}}},
            "responses": {"200": {"description": "Saved; the item with this assessor's score", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/OnsiteItem"}}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not an assessor assigned to this unit, or no CSRF token"},
                          "404": {"description": "Not a manual item of this unit"}, "409": {"description": "The result is accepted, or the round closed"},
                          "422": {"description": "Points outside the item's, more than two decimals, or an unknown method"}}}
        },
        "/rounds/{round}/units/{unit}/onsite/{item}/decide": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}},
                         {"name": "unit", "in": "path", "required": true, "schema": {"type": "string"}},
                         {"name": "item", "in": "path", "required": true, "schema": {"type": "string"}}],
          "post": {"operationId": "decideOnsite", "security": [{"session": [], "csrf": []}], "summary": "Which assessor's score counts where two differ (committee)",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["assessor"], "properties": {"assessor": {"type": "string"}}}}}},
            "responses": {"200": {"description": "Decided"}, "401": {"description": "Not signed in"}, "403": {"description": "Not the committee, or no CSRF token"},
                          "404": {"description": "That assessor has not scored the item"}, "409": {"description": "The result is accepted"}}}
        },
        "/rounds/{round}/onsite/disputes": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "onsiteDisputes", "summary": "Items two assessors scored differently, not yet decided (committee)",
            "responses": {"200": {"description": "Disputes", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object",
              "properties": {"unit": {"type": "string"}, "item": {"type": "string"}, "scores": {"type": "array", "items": {"$ref": "#/components/schemas/OnsiteScore"}}}}}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not the committee"}}}
        },
        "/rounds/{round}/scoresheets": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "scoresheets", "summary": "The on-site scores that count, as SPEC §9 score sheets, for the units with a result (committee): with their drafts, kaohe evaluate --scoresheets gives the results page's figures",
            "responses": {"200": {"description": "Score sheets", "content": {"application/json": {"schema": {"type": "object", "required": ["scoresheets"],
              "properties": {"scoresheets": {"type": "array", "items": {"type": "object", "description": "kind: scoresheet"}}}}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not the committee"}}}
        },
        "/rounds/{round}/competitions": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "competitions", "summary": "The competitions run on the round's checklist (committee: all; a juror: those they judge)",
            "responses": {"200": {"description": "Competitions", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object",
              "properties": {"id": {"type": "string"}, "title": {"type": "string"}}}}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Neither the committee nor a juror"}, "404": {"description": "No such round"}}}
        },
        "/rounds/{round}/competitions/{competition}": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "competition", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "competition", "summary": "Where the competition stands: daily scores, field, finalists, jurors' progress and the run so far (committee; jurors once scoring is closed)",
            "responses": {"200": {"description": "The competition", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Competition"}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not the committee, or scoring not closed yet"}, "404": {"description": "No such competition in the round"}}}
        },
        "/rounds/{round}/competitions/{competition}/report": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "competition", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "competitionReport", "summary": "The run so far, byte for byte what kaohe competition --format json gives on the exported sheets",
            "responses": {"200": {"description": "The report", "content": {"application/json": {"schema": {"type": "object"}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not the committee, or scoring not closed yet"},
                          "404": {"description": "No such competition in the round"}, "409": {"description": "No unit has submitted yet"}}}
        },
        "/rounds/{round}/competitions/{competition}/daily/{unit}": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "competition", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "unit", "in": "path", "required": true, "schema": {"type": "string"}}],
          "put": {"operationId": "saveDaily", "security": [{"session": [], "csrf": []}], "summary": "A unit's daily score (日常掌握, 0–100; empty clears it), before the finalists are named (committee)",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"points": {"type": ["number", "string"]}}}}}},
            "responses": {"200": {"description": "Saved"}, "401": {"description": "Not signed in"}, "403": {"description": "Not the committee, or no CSRF token"},
                          "404": {"description": "No such competition or unit"}, "409": {"description": "The finalists are named"}, "422": {"description": "Not a score from 0 to 100 with at most two decimals"}}}
        },
        "/rounds/{round}/competitions/{competition}/finalists": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "competition", "in": "path", "required": true, "schema": {"type": "string"}}],
          "post": {"operationId": "nameFinalists", "security": [{"session": [], "csrf": []}], "summary": "Freeze the field (the accepted units) and name the finalists from screening and the on-site ranking (committee)",
            "responses": {"200": {"description": "The finalists", "content": {"application/json": {"schema": {"type": "object", "properties": {"finalists": {"type": "array", "items": {"type": "string"}}}}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not the committee, or no CSRF token"}, "404": {"description": "No such competition in the round"},
                          "409": {"description": "Named already, a unit submitted but not accepted, no eligible unit, or a finalist without a daily score"}}}
        },
        "/rounds/{round}/competitions/{competition}/jurors/{juror}": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "competition", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "juror", "in": "path", "required": true, "schema": {"type": "string"}}],
          "put": {"operationId": "assignJuror", "security": [{"session": [], "csrf": []}], "summary": "Ask a juror account to judge the finalists (committee)",
            "responses": {"200": {"description": "Assigned"}, "401": {"description": "Not signed in"}, "403": {"description": "Not the committee, or no CSRF token"},
                          "404": {"description": "No such competition in the round"}, "409": {"description": "Scoring closed"}, "422": {"description": "Not a juror account"}}},
          "delete": {"operationId": "unassignJuror", "security": [{"session": [], "csrf": []}], "summary": "Take a juror off, with every score they gave (committee)",
            "responses": {"200": {"description": "Unassigned"}, "401": {"description": "Not signed in"}, "403": {"description": "Not the committee, or no CSRF token"},
                          "404": {"description": "Not a juror of this competition"}, "409": {"description": "Scoring closed"}}}
        },
        "/rounds/{round}/competitions/{competition}/jury": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "competition", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "juryTasks", "summary": "The finalists this juror scores, with their own points so far (an assigned juror)",
            "responses": {"200": {"description": "Finalists", "content": {"application/json": {"schema": {"type": "object", "properties": {"stage": {"enum": ["preview", "scoring", "closed"]},
              "finalists": {"type": "array", "items": {"type": "object", "properties": {"unit": {"type": "string"}, "name": {"type": "string"}, "project": {"type": ["string", "null"]},
                "scores": {"type": "object", "additionalProperties": {"type": "number"}}}}}}}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not a juror of this competition"}, "404": {"description": "No such competition in the round"}}}
        },
        "/rounds/{round}/competitions/{competition}/jury/{unit}": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "competition", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "unit", "in": "path", "required": true, "schema": {"type": "string"}}],
          "put": {"operationId": "scoreFinalist", "security": [{"session": [], "csrf": []}], "summary": "This juror's points for every dimension of one finalist, replacing theirs (an assigned juror)",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "description": "dimension id → points, 0 to the dimension's points",
              "additionalProperties": {"type": "number", "minimum": 0}}}}},
            "responses": {"200": {"description": "Saved"}, "401": {"description": "Not signed in"}, "403": {"description": "Not a juror of this competition, or no CSRF token"},
                          "404": {"description": "Not a finalist"}, "409": {"description": "Finalists not named yet, or scoring closed"},
                          "422": {"description": "A dimension missing, above its points or with more than two decimals"}}}
        },
        "/rounds/{round}/competitions/{competition}/close": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "competition", "in": "path", "required": true, "schema": {"type": "string"}}],
          "post": {"operationId": "closeCompetition", "security": [{"session": [], "csrf": []}], "summary": "Close scoring once every finalist has enough jurors; the final figures are shown from then on (committee)",
            "responses": {"200": {"description": "Closed"}, "401": {"description": "Not signed in"}, "403": {"description": "Not the committee, or no CSRF token"},
                          "404": {"description": "No such competition in the round"}, "409": {"description": "Finalists not named, a finalist short of jurors, or closed already"},
                          "422": {"description": "The engine refused the sheets"}}}
        },
        "/rounds/{round}/competitions/{competition}/sheets": {
          "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "competition", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "competitionSheets", "summary": "The SPEC §9 documents behind the figures: the field, its on-site score sheets, the daily scores and (once closed) every juror's sheet; with the field's drafts, kaohe competition gives the report (committee)",
            "responses": {"200": {"description": "Sheets", "content": {"application/json": {"schema": {"type": "object", "required": ["field", "scoresheets", "jury", "daily"],
              "properties": {"field": {"type": "array", "items": {"type": "string"}}, "scoresheets": {"type": "array", "items": {"type": "object", "description": "kind: scoresheet"}},
                "jury": {"type": ["array", "null"], "items": {"type": "object", "description": "kind: jury"}}, "daily": {"type": ["object", "null"], "description": "kind: daily"}}}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not the committee"}, "404": {"description": "No such competition in the round"},
                          "409": {"description": "Finalists not named yet"}}}
        },
        "/ledger/{id}/status": {
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
          "post": {"operationId": "moveLedgerItem", "security": [{"session": [], "csrf": []}], "summary": "One move of the status machine",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["status"],
              "properties": {"status": {"type": "string"}, "note": {"type": "string"}, "evidence": {"type": "string"}}}}}},
            "responses": {"200": {"description": "Moved", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/LedgerItem"}}}}},
                          "401": {"description": "Not signed in"}, "403": {"description": "Not allowed for this role, or no CSRF token"},
                          "404": {"description": "No such item for this user"}, "409": {"description": "Not a move the status machine allows"}}}
        }
      }
    }
    """#
}
