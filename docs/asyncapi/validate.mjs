// Validates an AsyncAPI document; prints every diagnostic and exits 1 on errors. The last line is
// JSON with what the test compares with the code: the commands the server receives and their
// fields, the codes of rejected and error, the close codes, and the fields of each role's view and
// of each role's change.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const file = resolve(process.argv[2]);
const parser = new Parser();
// The source lets the parser follow references to openapi.json beside the document.
const { document, diagnostics } = await parser.parse(await readFile(file, 'utf8'), { source: file });
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
for (const d of diagnostics) {
  console.log(`${['error', 'warning', 'info', 'hint'][d.severity]} ${d.code} at ${d.path.join('.')}: ${d.message}`);
}
if (!document || errors.length > 0) {
  process.exit(1);
}
const commands = {};
for (const message of document.operations().get('receiveCommand').messages()) {
  commands[message.name()] = Object.keys(message.payload().properties())
    .filter((p) => p !== 'type' && p !== 'commandId' && p !== 'actedAt');
}
const messages = document.components().messages();
const payload = (name) => messages.get(name).payload().properties();
const schemas = document.components().schemas();
// In the order of the View's oneOf: the moderator's, a listener's, the display's.
const views = schemas.get('View').oneOf().map((view) => Object.keys(view.properties()));
// The same order for the changes: each role's change may carry exactly its view's sections.
const viewChanges = schemas.get('ViewChange').anyOf().map((change) => Object.keys(change.properties()));
console.log(JSON.stringify({
  operations: document.operations().length,
  commands,
  rejectedCodes: payload('rejected').code.enum(),
  errorCodes: payload('error').code.enum(),
  closeCodes: schemas.get('CloseCode').oneOf().map((c) => c.const()),
  views,
  viewChanges,
}));
