// Validates an AsyncAPI document; prints every diagnostic and exits 1 on errors. The last line is
// JSON with the commands the server receives and their fields, for the test to compare with the code.
import { readFile } from 'node:fs/promises';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const file = process.argv[2];
const parser = new Parser();
const { document, diagnostics } = await parser.parse(await readFile(file, 'utf8'));
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
    .filter((p) => p !== 'type' && p !== 'commandId');
}
console.log(JSON.stringify({ operations: document.operations().length, commands }));
