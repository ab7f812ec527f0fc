// Validates SARIF files against the official SARIF 2.1.0 schema (the OASIS sarif-2.1.0-rtm.5
// schema, as shipped in @microsoft/jest-sarif). Usage: node validate.js FILE...
// Exit 0 when every file is valid; 1 with the schema errors otherwise; 2 on usage problems.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv-draft-04");  // the schema is JSON Schema draft-04
const addFormats = require("ajv-formats");

const schemaPath = path.join(__dirname, "node_modules", "@microsoft", "jest-sarif", "lib", "schemas",
                             "sarif-2.1.0-rtm.5.json");
if (process.argv.length < 3) {
  console.error("usage: node validate.js FILE...");
  process.exit(2);
}
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
// unicodeRegExp off: the official schema's `language` pattern is not valid with the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
let failed = false;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(fs.readFileSync(file, "utf8"));
  if (validate(log)) {
    console.log(`${file}: valid SARIF 2.1.0`);
    continue;
  }
  failed = true;
  for (const e of validate.errors) console.log(`${file}: ${e.instancePath || "/"} ${e.message}`);
}
process.exit(failed ? 1 : 0);
