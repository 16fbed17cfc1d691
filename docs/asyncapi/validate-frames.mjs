// Validates live frames recorded from a real meeting (AsyncApiFramesTest) against docs/asyncapi.yaml:
// each server message against its message's payload, and the view of a snapshot or change against
// the schema of the connection's role (View's oneOf, ViewChange's anyOf: moderator and assistant,
// listener, display, follow-up). Prints what it checked; exits 1 on a frame that does not match.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const [documentFile, framesFile] = process.argv.slice(2).map((file) => resolve(file));
const { document } = await new Parser().parse(await readFile(documentFile, 'utf8'), { source: documentFile });
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('int32', true).addFormat('int64', true);
const messages = Object.fromEntries(document.components().messages().all()
  .map((message) => [message.name(), ajv.compile(message.payload().json())]));
const schemas = document.components().schemas();
const place = { MODERATOR: 0, ASSISTANT: 0, LISTENER: 1, DISPLAY: 2, PUBLIC: 3 };
const views = schemas.get('View').oneOf().map((schema) => ajv.compile(schema.json()));
const changes = schemas.get('ViewChange').anyOf().map((schema) => ajv.compile(schema.json()));

const problems = [];
const checked = {};
const check = (validate, value, what) => {
  if (!validate(value)) problems.push(`${what}: ${ajv.errorsText(validate.errors)}`);
};
for (const { role, frame } of JSON.parse(await readFile(framesFile, 'utf8'))) {
  const message = JSON.parse(frame);
  const what = `${role} ${message.type} ${frame.slice(0, 120)}`;
  if (!messages[message.type]) {
    problems.push(`${what}: no such message in the document`);
    continue;
  }
  check(messages[message.type], message, what);
  if (message.type === 'snapshot') check(views[place[role]], message.view, `${what} (the ${role}'s view)`);
  if (message.type === 'change') check(changes[place[role]], message.view, `${what} (the ${role}'s change)`);
  checked[`${role} ${message.type}`] = (checked[`${role} ${message.type}`] ?? 0) + 1;
}
for (const problem of problems) console.log(problem);
console.log(JSON.stringify({ checked, problems: problems.length }));
process.exit(problems.length > 0 ? 1 : 0);
