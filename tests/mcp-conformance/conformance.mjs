// Conformance of `caseyos mcp` with the official MCP TypeScript SDK (Client + StdioClientTransport):
// initialize, list and call every tool, read every resource, get every prompt, ping, an invalid call —
// and every message the server sends is validated against the MCP 2025-06-18 JSON schema with ajv.
// Usage: node conformance.mjs /path/to/caseyos   (run `npm ci --prefix tests/mcp-conformance` first)
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
const binary = process.argv[2];
if (!binary) {
  console.error("usage: node conformance.mjs /path/to/caseyos");
  process.exit(2);
}

// --- the protocol schema -------------------------------------------------------------------------------
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(JSON.parse(readFileSync(join(here, "mcp-schema-2025-06-18.json"), "utf8")), "mcp");
const validator = (name) => {
  const v = ajv.getSchema(`mcp#/definitions/${name}`);
  assert.ok(v, `schema definition ${name} missing`);
  return v;
};
const resultSchemaFor = {
  initialize: "InitializeResult",
  ping: "EmptyResult",
  "tools/list": "ListToolsResult",
  "tools/call": "CallToolResult",
  "resources/list": "ListResourcesResult",
  "resources/templates/list": "ListResourceTemplatesResult",
  "resources/read": "ReadResourceResult",
  "prompts/list": "ListPromptsResult",
  "prompts/get": "GetPromptResult",
};
const failures = [];
let validated = 0;

// A transport that hands everything through and validates what the server sends.
class ValidatingTransport {
  constructor(inner) {
    this.inner = inner;
    this.methods = new Map(); // request id -> method
    inner.onmessage = (message) => {
      this.check(message);
      this.onmessage?.(message);
    };
    inner.onerror = (error) => this.onerror?.(error);
    inner.onclose = () => this.onclose?.();
  }
  check(message) {
    validated++;
    const problems = (name, value) => {
      const v = validator(name);
      if (!v(value)) failures.push({ name, message, errors: v.errors });
    };
    problems("JSONRPCMessage", message);
    if ("error" in message) {
      problems("JSONRPCError", message);
    } else if ("result" in message) {
      problems("JSONRPCResponse", message);
      const method = this.methods.get(message.id);
      if (!method) failures.push({ name: "unknown id", message });
      else problems(resultSchemaFor[method] ?? "Result", message.result);
    } else {
      problems("method" in message && "id" in message ? "JSONRPCRequest" : "JSONRPCNotification", message);
    }
  }
  async start() { return this.inner.start(); }
  async close() { return this.inner.close(); }
  async send(message, options) {
    if ("method" in message && "id" in message) this.methods.set(message.id, message.method);
    return this.inner.send(message, options);
  }
  get stderr() { return this.inner.stderr; }
  setProtocolVersion(version) {
    this.protocolVersion = version;
    this.inner.setProtocolVersion?.(version);
  }
}

// --- a data folder with known moves ---------------------------------------------------------------------
const home = mkdtempSync(join(tmpdir(), "caseyos-mcp-conformance-"));
const task = (id, title, revenue) => JSON.stringify({
  source: "manual", event_type: "task_created", source_id: id,
  payload: { title, revenue_impact: revenue, urgency: 0.6, effort: 0.3, strategic_value: 0.5,
    due_by: "2030-01-15T10:00:00Z", email: "owner@example.com" },
});
const lead = JSON.stringify({
  source: "form", event_type: "form_submitted", source_id: "lead-1", occurred_at: "2026-11-25T08:00:00Z",
  payload: { email: "grace@hopper.dev", name: "Grace Hopper", company: "Compilers Inc" },
});
writeFileSync(join(home, "seed.jsonl"),
  [task("t1", "Send the Kestrel contract", 0.9), task("t2", "Update CRM notes", 0.3),
   task("t3", "Prepare the QBR deck", 0.6), lead].join("\n") + "\n");
const env = { ...process.env, XDG_CONFIG_HOME: join(home, "config") };
delete env.CASEYOS_HOME;
execFileSync(binary, ["--home", home, "ingest", join(home, "seed.jsonl")], { env, stdio: ["ignore", "ignore", "inherit"] });

// --- the session ----------------------------------------------------------------------------------------
const transport = new ValidatingTransport(
  new StdioClientTransport({ command: binary, args: ["--home", home, "mcp"], env, stderr: "pipe" }));
let stderrText = "";
transport.stderr?.on("data", (chunk) => { stderrText += chunk; });
const client = new Client({ name: "caseyos-conformance", version: "1.0.0" });

try {
  await client.connect(transport);
  // The SDK asks for its newest revision; the server answers with its own newest, which the SDK supports.
  assert.equal(transport.protocolVersion, "2025-06-18");
  assert.equal(client.getServerVersion()?.name, "caseyos");
  const caps = client.getServerCapabilities();
  assert.ok(caps?.tools && caps?.resources && caps?.prompts, "tools, resources and prompts capabilities");
  await client.ping();

  const { tools } = await client.listTools();
  const expected = ["list_todays_moves", "get_move", "accept_move", "dismiss_move", "snooze_move", "execute_move",
    "record_outcome", "search_contacts", "search_signals", "whats_up", "outcome_stats", "create_email_draft",
    "schedule_follow_up", "get_approval"];
  assert.deepEqual(tools.map((t) => t.name).sort(), [...expected].sort());
  for (const tool of tools) {
    assert.equal(tool.inputSchema.type, "object", tool.name);
    assert.equal(tool.outputSchema?.type, "object", tool.name);
    assert.equal(typeof tool.annotations?.readOnlyHint, "boolean", tool.name);
  }

  // The SDK validates structuredContent against each tool's outputSchema itself.
  const called = new Set();
  const call = async (name, args = {}) => {
    const result = await client.callTool({ name, arguments: args });
    called.add(name);
    assert.notEqual(result.isError, true, `${name}: ${JSON.stringify(result.content)}`);
    assert.ok(result.structuredContent, `${name} has structuredContent`);
    assert.deepEqual(JSON.parse(result.content.at(-1).text), result.structuredContent, `${name} text = JSON`);
    return result.structuredContent;
  };
  const today = await call("list_todays_moves", { limit: 10 });
  assert.equal(today.count, 4);
  assert.equal(today.moves[0].title, "Send the Kestrel contract");
  const [first, second, third, fourth] = today.moves.map((m) => m.id);
  assert.equal((await call("get_move", { id: first })).move.id, first);
  assert.equal((await call("search_contacts", { query: "hopper" })).contacts[0].email, "grace@hopper.dev");
  assert.equal((await call("search_signals", { query: "QBR" })).count, 1);
  assert.equal(typeof (await call("whats_up")).headline, "string");
  assert.equal((await call("outcome_stats", { days: 30 })).total, 0);
  const followUp = await call("schedule_follow_up", { title: "Call Grace", due: "tomorrow", contact_email: "grace@hopper.dev" });
  assert.equal(followUp.move.status, "pending");
  assert.equal((await call("snooze_move", { id: second, until: "4h" })).move.status, "snoozed");
  assert.equal((await call("dismiss_move", { id: third, reason: "duplicate" })).move.status, "dismissed");
  assert.equal((await call("accept_move", { id: first })).move.status, "completed");
  assert.equal((await call("record_outcome", { type: "email_replied", move_id: fourth })).outcome.type, "email_replied");
  const executed = await call("execute_move", { id: followUp.move.id });
  assert.equal(executed.status, "awaiting_approval");
  assert.equal(executed.executed, false);
  const draft = await call("create_email_draft", { to: "grace@hopper.dev", subject: "Hello", body: "Hi Grace", send: true });
  assert.equal(draft.sent, false);
  assert.equal((await call("get_approval", { id: executed.approval.id })).approval.status, "pending");
  assert.deepEqual([...called].sort(), [...expected].sort(), "every tool called");

  // Invalid input is a JSON-RPC error -32602, not a crash.
  await assert.rejects(client.callTool({ name: "get_move", arguments: { id: "first" } }),
    (error) => error instanceof McpError && error.code === -32602);
  await assert.rejects(client.callTool({ name: "no_such_tool", arguments: {} }),
    (error) => error instanceof McpError && error.code === -32602);

  const { resources } = await client.listResources();
  assert.ok(resources.length >= 4);
  for (const resource of resources) {
    const read = await client.readResource({ uri: resource.uri });
    assert.equal(read.contents[0].uri, resource.uri);
    JSON.parse(read.contents[0].text);
  }
  const { resourceTemplates } = await client.listResourceTemplates();
  assert.equal(resourceTemplates[0].uriTemplate, "caseyos://moves/{id}");
  const moveResource = await client.readResource({ uri: `caseyos://moves/${first}` });
  assert.equal(JSON.parse(moveResource.contents[0].text).move.id, first);

  const { prompts } = await client.listPrompts();
  assert.deepEqual(prompts.map((p) => p.name), ["plan_my_day", "follow_up_with_contact"]);
  assert.ok((await client.getPrompt({ name: "plan_my_day" })).messages.length >= 2);
  const follow = await client.getPrompt({ name: "follow_up_with_contact", arguments: { contact_email: "grace@hopper.dev" } });
  assert.match(follow.messages[0].content.text, /grace@hopper\.dev/);
} catch (error) {
  console.error("conformance failure:", error);
  console.error("server stderr:\n" + stderrText);
  process.exitCode = 1;
} finally {
  await client.close();
  rmSync(home, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`${failures.length} server message(s) do not match the MCP 2025-06-18 schema:`);
  for (const f of failures.slice(0, 10)) console.error(JSON.stringify(f, null, 1).slice(0, 2000));
  process.exitCode = 1;
}
if (validated !== transport.methods.size || validated < 29) {
  console.error(`${transport.methods.size} requests sent but ${validated} server messages validated`);
  process.exitCode = 1;
}
console.log(`${validated} server messages (answers to ${transport.methods.size} requests) validated against the ` +
  `MCP 2025-06-18 schema; ${failures.length} failures; negotiated ${transport.protocolVersion}`);
