// @generated from schema/events/defs.schema.json + schema/events/episode.schema.json + schema/events/evolution.schema.json + schema/events/iteration.schema.json + schema/events/run-finished.schema.json + schema/events/run-started.schema.json + schema/sources/archive-episode.schema.json + schema/sources/archive-iteration.schema.json + schema/sources/archive-run.schema.json + schema/sources/archive-variant.schema.json + schema/sources/callback-line.schema.json + schema/sources/evolution-line.schema.json + schema/sources/experiment-line.schema.json via ajv standalone — DO NOT EDIT. Run: pnpm gen
import func1Module from 'ajv/dist/runtime/ucs2length.js';
export const validateEpisodeEvent = validate21;
const schema32 = {"title":"EpisodeEvent","description":"One ClawLoop Episode collected in an iteration: full (from the bridge or the after_iteration dump) or a summary from the archive (no messages).","type":"object","required":["type","run_id","iteration","episode"],"properties":{"type":{"const":"episode"},"run_id":{"type":"string","minLength":1},"iteration":{"type":"integer","minimum":0,"description":"0-based iteration the episode was collected in."},"episode":{"$ref":"#/$defs/Episode"}}};
const func1 = func1Module.default ?? func1Module;
const schema33 = {"type":"object","description":"One ClawLoop episode (clawloop.core.episode.Episode via dataclasses.asdict). An episode known only from the archive (EpisodeRecord) is a summary: no messages, steps or state id, with the archive's step and tool-call counts instead.","required":["id","task_id","bench","summary"],"properties":{"id":{"type":"string","minLength":1,"description":"Episode id."},"state_id":{"type":"string","description":"Combined state hash the episode ran under."},"task_id":{"type":"string","default":"","description":"Task id."},"bench":{"type":"string","default":"unknown","description":"Benchmark / environment name (\"unknown\" is learning_loop's default)."},"messages":{"type":"array","items":{"$ref":"#/$defs/Message"},"description":"The conversation; absent on an archive summary."},"step_boundaries":{"type":"array","items":{"type":"integer","minimum":0},"description":"Index of the first message of each step."},"steps":{"type":"array","items":{"$ref":"#/$defs/StepMeta"}},"summary":{"$ref":"#/$defs/EpisodeSummary"},"session_id":{"type":"string","description":"Conversation / session id."},"model":{"type":["string","null"],"description":"Model name."},"created_at":{"type":["number","null"],"description":"Unix epoch seconds."},"metadata":{"$ref":"#/$defs/EpisodeMetadata","description":"Free-form metadata (harness_version, error, ...)."},"n_steps":{"type":"integer","minimum":0,"description":"Steps, from the archive's EpisodeRecord when `steps` is absent."},"n_tool_calls":{"type":"integer","minimum":0,"description":"Tool calls, from the archive's EpisodeRecord when `messages` is absent."},"messages_ref":{"type":["string","null"],"description":"Where the archive says the messages are (`traces/<id>.json`; ClawLoop does not write that file)."}}};
const schema38 = {"type":"object","description":"Per-step environment feedback (clawloop.core.episode.StepMeta).","required":["t","reward","done","timing_ms","info"],"properties":{"t":{"type":"integer","minimum":0,"description":"Step index."},"reward":{"type":"number","description":"Step reward (non-zero usually only on the terminal step)."},"done":{"type":"boolean","description":"Terminal step."},"timing_ms":{"type":"number","minimum":0,"description":"Step duration in milliseconds."},"info":{"type":"object","additionalProperties":true,"default":{},"description":"Free-form environment info."}}};
const schema43 = {"type":"object","description":"Episode.metadata: a free-form bag; the keys ClawLoop itself reads are typed.","additionalProperties":true,"properties":{"harness_version":{"type":"string","description":"Harness version the episode ran with."},"error":{"type":["string","null"],"description":"Why the episode failed (experiment.jsonl collects it per task)."}}};
const schema34 = {"type":"object","description":"One chat message (clawloop.core.episode.Message). Live mode (clawloop.wrap(), EpisodeCollector.ingest) passes the client's messages through: content may be null (an assistant turn that only calls tools) or a list of content parts, and role may be `developer`.","required":["role","content"],"properties":{"role":{"enum":["system","developer","user","assistant","tool","function"],"default":"user","description":"Chat role; another value is replaced by \"user\" (ClawLoop's own default for a message without role) and reported."},"content":{"description":"Message text, null, or a list of content parts.","anyOf":[{"type":"string"},{"type":"null"},{"type":"array","items":{"$ref":"#/$defs/ContentPart"}}]},"name":{"type":["string","null"],"description":"Tool name on tool messages."},"tool_calls":{"type":["array","null"],"items":{"$ref":"#/$defs/ToolCall"},"description":"Tool calls made in an assistant message."},"tool_call_id":{"type":["string","null"],"description":"On tool messages: the call this answers."},"timestamp":{"type":["number","null"],"description":"Unix epoch seconds."},"token_count":{"type":["integer","null"],"minimum":0,"description":"Tokens in this message."},"model":{"type":["string","null"],"description":"Model that wrote an assistant message."},"logprobs":{"type":["array","null"],"items":{"$ref":"#/$defs/TokenLogProb"}},"reasoning_content":{"type":["string","null"],"description":"Reasoning text, when the model exposes it."}}};
const schema35 = {"type":"object","description":"One part of a multi-part message content (OpenAI chat format, as live mode passes it through): `text`, `image_url`, `input_audio`, `file`, ….","required":["type"],"properties":{"type":{"type":"string","description":"Part kind."},"text":{"type":"string","description":"Text of a `text` part."}}};
const schema36 = {"type":"object","description":"One tool call made by the assistant (clawloop.core.episode.ToolCall).","required":["id","name","arguments"],"properties":{"id":{"type":"string","default":"","description":"Tool call id, unique within the episode (\"\" when the client gave none, as ClawLoop's parse_tool_calls)."},"name":{"type":"string","default":"","description":"Tool name."},"arguments":{"type":"string","default":"{}","description":"Arguments as a JSON string (may be invalid JSON); an object is written back as JSON text."},"result":{"type":["string","null"],"description":"Tool result as written by the environment."},"success":{"type":["boolean","null"],"description":"Whether the tool call succeeded."},"latency_ms":{"type":["number","null"],"minimum":0,"description":"Tool latency in milliseconds."},"error":{"type":["string","null"],"description":"Error text of a failed call."}}};
const schema37 = {"type":"object","description":"Log probability of one generated token (clawloop.core.episode.TokenLogProb).","required":["token","logprob"],"properties":{"token":{"type":"string","default":""},"token_id":{"type":["integer","null"]},"logprob":{"type":"number","default":0},"top_logprobs":{"description":"Alternatives: ClawLoop declares dict[str, float] (token → logprob, as its LiteLLM client builds it); a client's raw list is accepted too.","anyOf":[{"type":"object","additionalProperties":{"type":"number"}},{"type":"array"},{"type":"null"}]}}};

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.content === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.role !== undefined){
let data0 = data.role;
if(!((((((data0 === "system") || (data0 === "developer")) || (data0 === "user")) || (data0 === "assistant")) || (data0 === "tool")) || (data0 === "function"))){
const err2 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/enum",keyword:"enum",params:{allowedValues: schema34.properties.role.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.content !== undefined){
let data1 = data.content;
const _errs3 = errors;
let valid1 = false;
const _errs4 = errors;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
const _errs6 = errors;
if(data1 !== null){
const err4 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs6 === errors;
valid1 = valid1 || _valid0;
const _errs8 = errors;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.type === undefined){
const err5 = {instancePath:instancePath+"/content/" + i0,schemaPath:"#/$defs/ContentPart/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data2.type !== undefined){
if(typeof data2.type !== "string"){
const err6 = {instancePath:instancePath+"/content/" + i0+"/type",schemaPath:"#/$defs/ContentPart/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data2.text !== undefined){
if(typeof data2.text !== "string"){
const err7 = {instancePath:instancePath+"/content/" + i0+"/text",schemaPath:"#/$defs/ContentPart/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/content/" + i0,schemaPath:"#/$defs/ContentPart/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/anyOf/2/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var _valid0 = _errs8 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err10 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
}
if(data.name !== undefined){
let data5 = data.name;
if((typeof data5 !== "string") && (data5 !== null)){
const err11 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: schema34.properties.name.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.tool_calls !== undefined){
let data6 = data.tool_calls;
if((!(Array.isArray(data6))) && (data6 !== null)){
const err12 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/type",keyword:"type",params:{type: schema34.properties.tool_calls.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.id === undefined){
const err13 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/$defs/ToolCall/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data7.name === undefined){
const err14 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/$defs/ToolCall/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data7.arguments === undefined){
const err15 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/$defs/ToolCall/required",keyword:"required",params:{missingProperty: "arguments"},message:"must have required property '"+"arguments"+"'"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data7.id !== undefined){
if(typeof data7.id !== "string"){
const err16 = {instancePath:instancePath+"/tool_calls/" + i1+"/id",schemaPath:"#/$defs/ToolCall/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data7.name !== undefined){
if(typeof data7.name !== "string"){
const err17 = {instancePath:instancePath+"/tool_calls/" + i1+"/name",schemaPath:"#/$defs/ToolCall/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data7.arguments !== undefined){
if(typeof data7.arguments !== "string"){
const err18 = {instancePath:instancePath+"/tool_calls/" + i1+"/arguments",schemaPath:"#/$defs/ToolCall/properties/arguments/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data7.result !== undefined){
let data11 = data7.result;
if((typeof data11 !== "string") && (data11 !== null)){
const err19 = {instancePath:instancePath+"/tool_calls/" + i1+"/result",schemaPath:"#/$defs/ToolCall/properties/result/type",keyword:"type",params:{type: schema36.properties.result.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data7.success !== undefined){
let data12 = data7.success;
if((typeof data12 !== "boolean") && (data12 !== null)){
const err20 = {instancePath:instancePath+"/tool_calls/" + i1+"/success",schemaPath:"#/$defs/ToolCall/properties/success/type",keyword:"type",params:{type: schema36.properties.success.type},message:"must be boolean,null"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data7.latency_ms !== undefined){
let data13 = data7.latency_ms;
if((!((typeof data13 == "number") && (isFinite(data13)))) && (data13 !== null)){
const err21 = {instancePath:instancePath+"/tool_calls/" + i1+"/latency_ms",schemaPath:"#/$defs/ToolCall/properties/latency_ms/type",keyword:"type",params:{type: schema36.properties.latency_ms.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 0 || isNaN(data13)){
const err22 = {instancePath:instancePath+"/tool_calls/" + i1+"/latency_ms",schemaPath:"#/$defs/ToolCall/properties/latency_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
if(data7.error !== undefined){
let data14 = data7.error;
if((typeof data14 !== "string") && (data14 !== null)){
const err23 = {instancePath:instancePath+"/tool_calls/" + i1+"/error",schemaPath:"#/$defs/ToolCall/properties/error/type",keyword:"type",params:{type: schema36.properties.error.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/$defs/ToolCall/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
}
if(data.tool_call_id !== undefined){
let data15 = data.tool_call_id;
if((typeof data15 !== "string") && (data15 !== null)){
const err25 = {instancePath:instancePath+"/tool_call_id",schemaPath:"#/properties/tool_call_id/type",keyword:"type",params:{type: schema34.properties.tool_call_id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.timestamp !== undefined){
let data16 = data.timestamp;
if((!((typeof data16 == "number") && (isFinite(data16)))) && (data16 !== null)){
const err26 = {instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/type",keyword:"type",params:{type: schema34.properties.timestamp.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.token_count !== undefined){
let data17 = data.token_count;
if((!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))) && (data17 !== null)){
const err27 = {instancePath:instancePath+"/token_count",schemaPath:"#/properties/token_count/type",keyword:"type",params:{type: schema34.properties.token_count.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 < 0 || isNaN(data17)){
const err28 = {instancePath:instancePath+"/token_count",schemaPath:"#/properties/token_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
if(data.model !== undefined){
let data18 = data.model;
if((typeof data18 !== "string") && (data18 !== null)){
const err29 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: schema34.properties.model.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.logprobs !== undefined){
let data19 = data.logprobs;
if((!(Array.isArray(data19))) && (data19 !== null)){
const err30 = {instancePath:instancePath+"/logprobs",schemaPath:"#/properties/logprobs/type",keyword:"type",params:{type: schema34.properties.logprobs.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(Array.isArray(data19)){
const len2 = data19.length;
for(let i2=0; i2<len2; i2++){
let data20 = data19[i2];
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
if(data20.token === undefined){
const err31 = {instancePath:instancePath+"/logprobs/" + i2,schemaPath:"#/$defs/TokenLogProb/required",keyword:"required",params:{missingProperty: "token"},message:"must have required property '"+"token"+"'"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(data20.logprob === undefined){
const err32 = {instancePath:instancePath+"/logprobs/" + i2,schemaPath:"#/$defs/TokenLogProb/required",keyword:"required",params:{missingProperty: "logprob"},message:"must have required property '"+"logprob"+"'"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(data20.token !== undefined){
if(typeof data20.token !== "string"){
const err33 = {instancePath:instancePath+"/logprobs/" + i2+"/token",schemaPath:"#/$defs/TokenLogProb/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data20.token_id !== undefined){
let data22 = data20.token_id;
if((!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))) && (data22 !== null)){
const err34 = {instancePath:instancePath+"/logprobs/" + i2+"/token_id",schemaPath:"#/$defs/TokenLogProb/properties/token_id/type",keyword:"type",params:{type: schema37.properties.token_id.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data20.logprob !== undefined){
let data23 = data20.logprob;
if(!((typeof data23 == "number") && (isFinite(data23)))){
const err35 = {instancePath:instancePath+"/logprobs/" + i2+"/logprob",schemaPath:"#/$defs/TokenLogProb/properties/logprob/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data20.top_logprobs !== undefined){
let data24 = data20.top_logprobs;
const _errs58 = errors;
let valid14 = false;
const _errs59 = errors;
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
for(const key0 in data24){
let data25 = data24[key0];
if(!((typeof data25 == "number") && (isFinite(data25)))){
const err36 = {instancePath:instancePath+"/logprobs/" + i2+"/top_logprobs/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/TokenLogProb/properties/top_logprobs/anyOf/0/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/logprobs/" + i2+"/top_logprobs",schemaPath:"#/$defs/TokenLogProb/properties/top_logprobs/anyOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
var _valid1 = _errs59 === errors;
valid14 = valid14 || _valid1;
const _errs64 = errors;
if(!(Array.isArray(data24))){
const err38 = {instancePath:instancePath+"/logprobs/" + i2+"/top_logprobs",schemaPath:"#/$defs/TokenLogProb/properties/top_logprobs/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
var _valid1 = _errs64 === errors;
valid14 = valid14 || _valid1;
const _errs66 = errors;
if(data24 !== null){
const err39 = {instancePath:instancePath+"/logprobs/" + i2+"/top_logprobs",schemaPath:"#/$defs/TokenLogProb/properties/top_logprobs/anyOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var _valid1 = _errs66 === errors;
valid14 = valid14 || _valid1;
if(!valid14){
const err40 = {instancePath:instancePath+"/logprobs/" + i2+"/top_logprobs",schemaPath:"#/$defs/TokenLogProb/properties/top_logprobs/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
else {
errors = _errs58;
if(vErrors !== null){
if(_errs58){
vErrors.length = _errs58;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err41 = {instancePath:instancePath+"/logprobs/" + i2,schemaPath:"#/$defs/TokenLogProb/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
}
if(data.reasoning_content !== undefined){
let data26 = data.reasoning_content;
if((typeof data26 !== "string") && (data26 !== null)){
const err42 = {instancePath:instancePath+"/reasoning_content",schemaPath:"#/properties/reasoning_content/type",keyword:"type",params:{type: schema34.properties.reasoning_content.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":{"role":true,"content":true,"name":true,"tool_calls":true,"tool_call_id":true,"timestamp":true,"token_count":true,"model":true,"logprobs":true,"reasoning_content":true},"dynamicProps":false,"dynamicItems":false};

const schema39 = {"type":"object","description":"Reward signals and accounting of an episode (clawloop.core.episode.EpisodeSummary, written attribute by attribute: it is not a dataclass).","default":{"signals":{}},"required":["signals"],"properties":{"signals":{"type":"object","default":{},"additionalProperties":{"$ref":"#/$defs/RewardSignal"},"description":"Reward signals by name."},"score_breakdown":{"type":["object","null"],"additionalProperties":true,"description":"Environment-specific score components."},"token_usage":{"oneOf":[{"$ref":"#/$defs/TokenUsage"},{"type":"null"}]},"timing":{"oneOf":[{"$ref":"#/$defs/Timing"},{"type":"null"}]},"filtered":{"type":"boolean","default":false,"description":"Excluded from learning by a filter (absent when the source does not say, as the archive)."},"scored_at_generation":{"type":["integer","null"],"description":"Playbook generation the episode was scored at."}}};
const schema40 = {"type":"object","description":"One reward signal (clawloop.core.reward.RewardSignal, which clamps value to [-1, 1] and confidence to [0, 1]: so is a value out of range here).","required":["value","confidence"],"properties":{"name":{"type":"string","description":"Signal name (user, outcome, execution, judge, ...); the map key repeats it."},"value":{"type":"number","minimum":-1,"maximum":1,"description":"Signal value in [-1, 1]."},"confidence":{"type":"number","minimum":0,"maximum":1,"description":"Confidence in [0, 1]."}}};
const schema41 = {"type":"object","description":"Token usage of an episode (clawloop.core.episode.TokenUsage; each count defaults to 0).","required":["prompt_tokens","completion_tokens","total_tokens"],"properties":{"prompt_tokens":{"type":"integer","minimum":0,"default":0},"completion_tokens":{"type":"integer","minimum":0,"default":0},"total_tokens":{"type":"integer","minimum":0,"default":0}}};
const schema42 = {"type":"object","description":"Wall time of an episode (clawloop.core.episode.Timing). An archive summary has total_ms only.","required":["total_ms"],"properties":{"total_ms":{"type":"number","minimum":0,"default":0},"per_step_ms":{"type":"array","items":{"type":"number","minimum":0}}}};

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.signals === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "signals"},message:"must have required property '"+"signals"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.signals !== undefined){
let data0 = data.signals;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
let data1 = data0[key0];
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.value === undefined){
const err1 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/RewardSignal/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data1.confidence === undefined){
const err2 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/RewardSignal/required",keyword:"required",params:{missingProperty: "confidence"},message:"must have required property '"+"confidence"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data1.name !== undefined){
if(typeof data1.name !== "string"){
const err3 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/name",schemaPath:"#/$defs/RewardSignal/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data1.value !== undefined){
let data3 = data1.value;
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 1 || isNaN(data3)){
const err4 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/value",schemaPath:"#/$defs/RewardSignal/properties/value/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data3 < -1 || isNaN(data3)){
const err5 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/value",schemaPath:"#/$defs/RewardSignal/properties/value/minimum",keyword:"minimum",params:{comparison: ">=", limit: -1},message:"must be >= -1"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/value",schemaPath:"#/$defs/RewardSignal/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data1.confidence !== undefined){
let data4 = data1.confidence;
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 1 || isNaN(data4)){
const err7 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/confidence",schemaPath:"#/$defs/RewardSignal/properties/confidence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data4 < 0 || isNaN(data4)){
const err8 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/confidence",schemaPath:"#/$defs/RewardSignal/properties/confidence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/confidence",schemaPath:"#/$defs/RewardSignal/properties/confidence/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/RewardSignal/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/signals",schemaPath:"#/properties/signals/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.score_breakdown !== undefined){
let data5 = data.score_breakdown;
if((!(data5 && typeof data5 == "object" && !Array.isArray(data5))) && (data5 !== null)){
const err12 = {instancePath:instancePath+"/score_breakdown",schemaPath:"#/properties/score_breakdown/type",keyword:"type",params:{type: schema39.properties.score_breakdown.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.token_usage !== undefined){
let data6 = data.token_usage;
const _errs17 = errors;
let valid4 = false;
let passing0 = null;
const _errs18 = errors;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.prompt_tokens === undefined){
const err13 = {instancePath:instancePath+"/token_usage",schemaPath:"#/$defs/TokenUsage/required",keyword:"required",params:{missingProperty: "prompt_tokens"},message:"must have required property '"+"prompt_tokens"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data6.completion_tokens === undefined){
const err14 = {instancePath:instancePath+"/token_usage",schemaPath:"#/$defs/TokenUsage/required",keyword:"required",params:{missingProperty: "completion_tokens"},message:"must have required property '"+"completion_tokens"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data6.total_tokens === undefined){
const err15 = {instancePath:instancePath+"/token_usage",schemaPath:"#/$defs/TokenUsage/required",keyword:"required",params:{missingProperty: "total_tokens"},message:"must have required property '"+"total_tokens"+"'"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data6.prompt_tokens !== undefined){
let data7 = data6.prompt_tokens;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err16 = {instancePath:instancePath+"/token_usage/prompt_tokens",schemaPath:"#/$defs/TokenUsage/properties/prompt_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
const err17 = {instancePath:instancePath+"/token_usage/prompt_tokens",schemaPath:"#/$defs/TokenUsage/properties/prompt_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
if(data6.completion_tokens !== undefined){
let data8 = data6.completion_tokens;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err18 = {instancePath:instancePath+"/token_usage/completion_tokens",schemaPath:"#/$defs/TokenUsage/properties/completion_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err19 = {instancePath:instancePath+"/token_usage/completion_tokens",schemaPath:"#/$defs/TokenUsage/properties/completion_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
if(data6.total_tokens !== undefined){
let data9 = data6.total_tokens;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err20 = {instancePath:instancePath+"/token_usage/total_tokens",schemaPath:"#/$defs/TokenUsage/properties/total_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 0 || isNaN(data9)){
const err21 = {instancePath:instancePath+"/token_usage/total_tokens",schemaPath:"#/$defs/TokenUsage/properties/total_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
}
else {
const err22 = {instancePath:instancePath+"/token_usage",schemaPath:"#/$defs/TokenUsage/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var _valid0 = _errs18 === errors;
if(_valid0){
valid4 = true;
passing0 = 0;
var props0 = {};
props0.prompt_tokens = true;
props0.completion_tokens = true;
props0.total_tokens = true;
}
const _errs27 = errors;
if(data6 !== null){
const err23 = {instancePath:instancePath+"/token_usage",schemaPath:"#/properties/token_usage/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
var _valid0 = _errs27 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid4 = true;
passing0 = 1;
}
}
if(!valid4){
const err24 = {instancePath:instancePath+"/token_usage",schemaPath:"#/properties/token_usage/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
else {
errors = _errs17;
if(vErrors !== null){
if(_errs17){
vErrors.length = _errs17;
}
else {
vErrors = null;
}
}
}
}
if(data.timing !== undefined){
let data10 = data.timing;
const _errs30 = errors;
let valid7 = false;
let passing1 = null;
const _errs31 = errors;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.total_ms === undefined){
const err25 = {instancePath:instancePath+"/timing",schemaPath:"#/$defs/Timing/required",keyword:"required",params:{missingProperty: "total_ms"},message:"must have required property '"+"total_ms"+"'"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data10.total_ms !== undefined){
let data11 = data10.total_ms;
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 < 0 || isNaN(data11)){
const err26 = {instancePath:instancePath+"/timing/total_ms",schemaPath:"#/$defs/Timing/properties/total_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/timing/total_ms",schemaPath:"#/$defs/Timing/properties/total_ms/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data10.per_step_ms !== undefined){
let data12 = data10.per_step_ms;
if(Array.isArray(data12)){
const len0 = data12.length;
for(let i0=0; i0<len0; i0++){
let data13 = data12[i0];
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 0 || isNaN(data13)){
const err28 = {instancePath:instancePath+"/timing/per_step_ms/" + i0,schemaPath:"#/$defs/Timing/properties/per_step_ms/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/timing/per_step_ms/" + i0,schemaPath:"#/$defs/Timing/properties/per_step_ms/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/timing/per_step_ms",schemaPath:"#/$defs/Timing/properties/per_step_ms/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/timing",schemaPath:"#/$defs/Timing/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
var _valid1 = _errs31 === errors;
if(_valid1){
valid7 = true;
passing1 = 0;
var props1 = {};
props1.total_ms = true;
props1.per_step_ms = true;
}
const _errs40 = errors;
if(data10 !== null){
const err32 = {instancePath:instancePath+"/timing",schemaPath:"#/properties/timing/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
var _valid1 = _errs40 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid7 = true;
passing1 = 1;
}
}
if(!valid7){
const err33 = {instancePath:instancePath+"/timing",schemaPath:"#/properties/timing/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
else {
errors = _errs30;
if(vErrors !== null){
if(_errs30){
vErrors.length = _errs30;
}
else {
vErrors = null;
}
}
}
}
if(data.filtered !== undefined){
if(typeof data.filtered !== "boolean"){
const err34 = {instancePath:instancePath+"/filtered",schemaPath:"#/properties/filtered/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.scored_at_generation !== undefined){
let data15 = data.scored_at_generation;
if((!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))) && (data15 !== null)){
const err35 = {instancePath:instancePath+"/scored_at_generation",schemaPath:"#/properties/scored_at_generation/type",keyword:"type",params:{type: schema39.properties.scored_at_generation.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":{"signals":true,"score_breakdown":true,"token_usage":true,"timing":true,"filtered":true,"scored_at_generation":true},"dynamicProps":false,"dynamicItems":false};


function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.task_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "task_id"},message:"must have required property '"+"task_id"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.bench === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bench"},message:"must have required property '"+"bench"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.summary === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "summary"},message:"must have required property '"+"summary"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(func1(data0) < 1){
const err4 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.state_id !== undefined){
if(typeof data.state_id !== "string"){
const err6 = {instancePath:instancePath+"/state_id",schemaPath:"#/properties/state_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.task_id !== undefined){
if(typeof data.task_id !== "string"){
const err7 = {instancePath:instancePath+"/task_id",schemaPath:"#/properties/task_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.bench !== undefined){
if(typeof data.bench !== "string"){
const err8 = {instancePath:instancePath+"/bench",schemaPath:"#/properties/bench/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.messages !== undefined){
let data4 = data.messages;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
if(!(validate23(data4[i0], {instancePath:instancePath+"/messages/" + i0,parentData:data4,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
}
else {
const err9 = {instancePath:instancePath+"/messages",schemaPath:"#/properties/messages/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.step_boundaries !== undefined){
let data6 = data.step_boundaries;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err10 = {instancePath:instancePath+"/step_boundaries/" + i1,schemaPath:"#/properties/step_boundaries/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
const err11 = {instancePath:instancePath+"/step_boundaries/" + i1,schemaPath:"#/properties/step_boundaries/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
}
else {
const err12 = {instancePath:instancePath+"/step_boundaries",schemaPath:"#/properties/step_boundaries/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.steps !== undefined){
let data8 = data.steps;
if(Array.isArray(data8)){
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.t === undefined){
const err13 = {instancePath:instancePath+"/steps/" + i2,schemaPath:"#/$defs/StepMeta/required",keyword:"required",params:{missingProperty: "t"},message:"must have required property '"+"t"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data9.reward === undefined){
const err14 = {instancePath:instancePath+"/steps/" + i2,schemaPath:"#/$defs/StepMeta/required",keyword:"required",params:{missingProperty: "reward"},message:"must have required property '"+"reward"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data9.done === undefined){
const err15 = {instancePath:instancePath+"/steps/" + i2,schemaPath:"#/$defs/StepMeta/required",keyword:"required",params:{missingProperty: "done"},message:"must have required property '"+"done"+"'"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data9.timing_ms === undefined){
const err16 = {instancePath:instancePath+"/steps/" + i2,schemaPath:"#/$defs/StepMeta/required",keyword:"required",params:{missingProperty: "timing_ms"},message:"must have required property '"+"timing_ms"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data9.info === undefined){
const err17 = {instancePath:instancePath+"/steps/" + i2,schemaPath:"#/$defs/StepMeta/required",keyword:"required",params:{missingProperty: "info"},message:"must have required property '"+"info"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data9.t !== undefined){
let data10 = data9.t;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err18 = {instancePath:instancePath+"/steps/" + i2+"/t",schemaPath:"#/$defs/StepMeta/properties/t/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
const err19 = {instancePath:instancePath+"/steps/" + i2+"/t",schemaPath:"#/$defs/StepMeta/properties/t/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
if(data9.reward !== undefined){
let data11 = data9.reward;
if(!((typeof data11 == "number") && (isFinite(data11)))){
const err20 = {instancePath:instancePath+"/steps/" + i2+"/reward",schemaPath:"#/$defs/StepMeta/properties/reward/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data9.done !== undefined){
if(typeof data9.done !== "boolean"){
const err21 = {instancePath:instancePath+"/steps/" + i2+"/done",schemaPath:"#/$defs/StepMeta/properties/done/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data9.timing_ms !== undefined){
let data13 = data9.timing_ms;
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 0 || isNaN(data13)){
const err22 = {instancePath:instancePath+"/steps/" + i2+"/timing_ms",schemaPath:"#/$defs/StepMeta/properties/timing_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/steps/" + i2+"/timing_ms",schemaPath:"#/$defs/StepMeta/properties/timing_ms/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data9.info !== undefined){
let data14 = data9.info;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
}
else {
const err24 = {instancePath:instancePath+"/steps/" + i2+"/info",schemaPath:"#/$defs/StepMeta/properties/info/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/steps/" + i2,schemaPath:"#/$defs/StepMeta/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.summary !== undefined){
if(!(validate25(data.summary, {instancePath:instancePath+"/summary",parentData:data,parentDataProperty:"summary",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
}
if(data.session_id !== undefined){
if(typeof data.session_id !== "string"){
const err27 = {instancePath:instancePath+"/session_id",schemaPath:"#/properties/session_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.model !== undefined){
let data17 = data.model;
if((typeof data17 !== "string") && (data17 !== null)){
const err28 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: schema33.properties.model.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.created_at !== undefined){
let data18 = data.created_at;
if((!((typeof data18 == "number") && (isFinite(data18)))) && (data18 !== null)){
const err29 = {instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/type",keyword:"type",params:{type: schema33.properties.created_at.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.metadata !== undefined){
let data19 = data.metadata;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.harness_version !== undefined){
if(typeof data19.harness_version !== "string"){
const err30 = {instancePath:instancePath+"/metadata/harness_version",schemaPath:"#/$defs/EpisodeMetadata/properties/harness_version/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data19.error !== undefined){
let data21 = data19.error;
if((typeof data21 !== "string") && (data21 !== null)){
const err31 = {instancePath:instancePath+"/metadata/error",schemaPath:"#/$defs/EpisodeMetadata/properties/error/type",keyword:"type",params:{type: schema43.properties.error.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/metadata",schemaPath:"#/$defs/EpisodeMetadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.n_steps !== undefined){
let data22 = data.n_steps;
if(!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))){
const err33 = {instancePath:instancePath+"/n_steps",schemaPath:"#/properties/n_steps/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if((typeof data22 == "number") && (isFinite(data22))){
if(data22 < 0 || isNaN(data22)){
const err34 = {instancePath:instancePath+"/n_steps",schemaPath:"#/properties/n_steps/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
if(data.n_tool_calls !== undefined){
let data23 = data.n_tool_calls;
if(!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))){
const err35 = {instancePath:instancePath+"/n_tool_calls",schemaPath:"#/properties/n_tool_calls/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if((typeof data23 == "number") && (isFinite(data23))){
if(data23 < 0 || isNaN(data23)){
const err36 = {instancePath:instancePath+"/n_tool_calls",schemaPath:"#/properties/n_tool_calls/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
if(data.messages_ref !== undefined){
let data24 = data.messages_ref;
if((typeof data24 !== "string") && (data24 !== null)){
const err37 = {instancePath:instancePath+"/messages_ref",schemaPath:"#/properties/messages_ref/type",keyword:"type",params:{type: schema33.properties.messages_ref.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":{"id":true,"state_id":true,"task_id":true,"bench":true,"messages":true,"step_boundaries":true,"steps":true,"summary":true,"session_id":true,"model":true,"created_at":true,"metadata":true,"n_steps":true,"n_tool_calls":true,"messages_ref":true},"dynamicProps":false,"dynamicItems":false};


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.run_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "run_id"},message:"must have required property '"+"run_id"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.iteration === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "iteration"},message:"must have required property '"+"iteration"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.episode === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "episode"},message:"must have required property '"+"episode"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.type !== undefined){
if("episode" !== data.type){
const err4 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "episode"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.run_id !== undefined){
let data1 = data.run_id;
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err5 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.iteration !== undefined){
let data2 = data.iteration;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err7 = {instancePath:instancePath+"/iteration",schemaPath:"#/properties/iteration/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err8 = {instancePath:instancePath+"/iteration",schemaPath:"#/properties/iteration/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
if(data.episode !== undefined){
if(!(validate22(data.episode, {instancePath:instancePath+"/episode",parentData:data,parentDataProperty:"episode",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":{"type":true,"run_id":true,"iteration":true,"episode":true},"dynamicProps":false,"dynamicItems":false};

export const validateEvolutionEvent = validate28;
const schema44 = {"title":"EvolutionEvent","description":"What the evolver changed in an iteration (an evolution.jsonl entry, clawloop/core/evolution_log.py EvolutionEntry.to_dict; written only when something changed).","type":"object","required":["type","run_id","iteration","timestamp"],"properties":{"type":{"const":"evolution"},"run_id":{"type":"string","minLength":1},"iteration":{"type":"integer","minimum":0},"timestamp":{"type":"number"},"state_hash_before":{"type":"string"},"state_hash_after":{"type":"string"},"actions":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/EvolutionAction"}},"reward_before":{"type":"number"},"reward_after":{"type":"number"},"reward_delta":{"type":"number"},"backend":{"type":"string","description":"Evolver backend: local, none, or a cloud name."}}};
const schema45 = {"type":"string","description":"What the evolver did: reflect, mutate or paradigm_shift (learning_loop's names; a newer one passes through)."};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.run_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "run_id"},message:"must have required property '"+"run_id"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.iteration === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "iteration"},message:"must have required property '"+"iteration"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.timestamp === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "timestamp"},message:"must have required property '"+"timestamp"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.type !== undefined){
if("evolution" !== data.type){
const err4 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "evolution"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.run_id !== undefined){
let data1 = data.run_id;
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err5 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.iteration !== undefined){
let data2 = data.iteration;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err7 = {instancePath:instancePath+"/iteration",schemaPath:"#/properties/iteration/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err8 = {instancePath:instancePath+"/iteration",schemaPath:"#/properties/iteration/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
if(data.timestamp !== undefined){
let data3 = data.timestamp;
if(!((typeof data3 == "number") && (isFinite(data3)))){
const err9 = {instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.state_hash_before !== undefined){
if(typeof data.state_hash_before !== "string"){
const err10 = {instancePath:instancePath+"/state_hash_before",schemaPath:"#/properties/state_hash_before/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.state_hash_after !== undefined){
if(typeof data.state_hash_after !== "string"){
const err11 = {instancePath:instancePath+"/state_hash_after",schemaPath:"#/properties/state_hash_after/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.actions !== undefined){
let data6 = data.actions;
if(Array.isArray(data6)){
if(data6.length < 1){
const err12 = {instancePath:instancePath+"/actions",schemaPath:"#/properties/actions/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
if(typeof data6[i0] !== "string"){
const err13 = {instancePath:instancePath+"/actions/" + i0,schemaPath:"#/$defs/EvolutionAction/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/actions",schemaPath:"#/properties/actions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.reward_before !== undefined){
let data8 = data.reward_before;
if(!((typeof data8 == "number") && (isFinite(data8)))){
const err15 = {instancePath:instancePath+"/reward_before",schemaPath:"#/properties/reward_before/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.reward_after !== undefined){
let data9 = data.reward_after;
if(!((typeof data9 == "number") && (isFinite(data9)))){
const err16 = {instancePath:instancePath+"/reward_after",schemaPath:"#/properties/reward_after/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.reward_delta !== undefined){
let data10 = data.reward_delta;
if(!((typeof data10 == "number") && (isFinite(data10)))){
const err17 = {instancePath:instancePath+"/reward_delta",schemaPath:"#/properties/reward_delta/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.backend !== undefined){
if(typeof data.backend !== "string"){
const err18 = {instancePath:instancePath+"/backend",schemaPath:"#/properties/backend/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"props":{"type":true,"run_id":true,"iteration":true,"timestamp":true,"state_hash_before":true,"state_hash_after":true,"actions":true,"reward_before":true,"reward_after":true,"reward_delta":true,"backend":true},"dynamicProps":false,"dynamicItems":false};

export const validateIterationEvent = validate29;
const schema46 = {"title":"IterationEvent","description":"One learning iteration: everything an experiment.jsonl line carries, plus the full playbook and state hashes when the source has them. Only identity and time are required: a value ClawLoop could not write (NaN) is dropped, never the iteration.","type":"object","required":["type","run_id","iteration","timestamp"],"properties":{"type":{"const":"iteration"},"run_id":{"type":"string","minLength":1},"iteration":{"type":"integer","minimum":0},"timestamp":{"type":"number","description":"Unix epoch seconds."},"n_episodes":{"type":"integer","minimum":0},"avg_reward":{"type":"number","description":"Mean raw reward (EpisodeSummary.total_reward = normalized_reward()); 0.0 when there were no episodes."},"min_reward":{"type":"number"},"max_reward":{"type":"number"},"per_task":{"type":"object","additionalProperties":{"$ref":"#/$defs/TaskStats"},"description":"Statistics by task id."},"fb_results":{"$ref":"#/$defs/FbResults"},"playbook_size":{"type":"integer","minimum":0},"playbook_entries":{"type":"array","items":{"$ref":"#/$defs/PlaybookEntrySummary"},"description":"experiment.jsonl's short form of the playbook."},"playbook":{"$ref":"#/$defs/Playbook","description":"Full playbook after the iteration (bridge or archive variant)."},"playbook_version":{"type":"integer","minimum":0},"playbook_generation":{"type":"integer","minimum":0},"state_id":{"$ref":"#/$defs/StateID","description":"State after the iteration."},"harness_snapshot_hash":{"type":"string","description":"Archive iteration record's harness hash."},"tinker_checkpoints":{"type":"array","description":"Tinker weight-backend checkpoints."},"tinker_model_id":{"type":["string","null"]},"tinker_durable_paths":{"type":"array","items":{"type":"string"}}}};
const schema55 = {"type":"object","description":"A playbook entry as experiment.jsonl writes it (content truncated to 200 characters).","required":["id","content","helpful","harmful","tags"],"properties":{"id":{"type":"string","minLength":1},"content":{"type":"string","default":""},"helpful":{"type":"integer","minimum":0,"default":0},"harmful":{"type":"integer","minimum":0,"default":0},"tags":{"type":"array","default":[],"items":{"type":"string"}}}};
const schema58 = {"type":"object","description":"Layer state hashes (clawloop.core.state.StateID).","required":["harness_hash","router_hash","weights_hash","combined_hash"],"properties":{"harness_hash":{"type":"string","minLength":1},"router_hash":{"type":"string","minLength":1},"weights_hash":{"type":"string","minLength":1},"combined_hash":{"type":"string","minLength":1},"created_at":{"type":"number","description":"Unix epoch seconds."}}};
const schema47 = {"type":"object","description":"Per-task statistics of one iteration (experiment.jsonl per_task). ClawLoop before 2026-04-19 wrote only reward, signals and error.","required":["signals","error"],"properties":{"reward":{"type":"number","description":"Mean raw reward."},"signals":{"type":"object","default":{},"additionalProperties":{"$ref":"#/$defs/SignalValue"},"description":"Signals of the latest rollout."},"error":{"type":["string","null"],"description":"First error."},"n_rollouts":{"type":"integer","minimum":0},"reward_mean":{"type":"number"},"reward_min":{"type":"number"},"reward_max":{"type":"number"},"rewards":{"type":"array","items":{"type":"number"}},"errors":{"type":"array","items":{"type":"string"}},"rollouts":{"type":"array","items":{"$ref":"#/$defs/TaskRollout"}}}};
const schema48 = {"type":"object","description":"A reward signal as experiment.jsonl and archive records write it (no name).","required":["value","confidence"],"properties":{"value":{"type":"number","minimum":-1,"maximum":1},"confidence":{"type":"number","minimum":0,"maximum":1}}};
const schema49 = {"type":"object","required":["reward","error","signals"],"properties":{"reward":{"type":"number"},"error":{"type":["string","null"]},"signals":{"type":"object","default":{},"additionalProperties":{"$ref":"#/$defs/SignalValue"}}}};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate31.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.reward === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "reward"},message:"must have required property '"+"reward"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.error === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.signals === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "signals"},message:"must have required property '"+"signals"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.reward !== undefined){
let data0 = data.reward;
if(!((typeof data0 == "number") && (isFinite(data0)))){
const err3 = {instancePath:instancePath+"/reward",schemaPath:"#/properties/reward/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.error !== undefined){
let data1 = data.error;
if((typeof data1 !== "string") && (data1 !== null)){
const err4 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/type",keyword:"type",params:{type: schema49.properties.error.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.signals !== undefined){
let data2 = data.signals;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key0 in data2){
let data3 = data2[key0];
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.value === undefined){
const err5 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/SignalValue/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data3.confidence === undefined){
const err6 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/SignalValue/required",keyword:"required",params:{missingProperty: "confidence"},message:"must have required property '"+"confidence"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data3.value !== undefined){
let data4 = data3.value;
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 1 || isNaN(data4)){
const err7 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/value",schemaPath:"#/$defs/SignalValue/properties/value/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data4 < -1 || isNaN(data4)){
const err8 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/value",schemaPath:"#/$defs/SignalValue/properties/value/minimum",keyword:"minimum",params:{comparison: ">=", limit: -1},message:"must be >= -1"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/value",schemaPath:"#/$defs/SignalValue/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data3.confidence !== undefined){
let data5 = data3.confidence;
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 1 || isNaN(data5)){
const err10 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/confidence",schemaPath:"#/$defs/SignalValue/properties/confidence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data5 < 0 || isNaN(data5)){
const err11 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/confidence",schemaPath:"#/$defs/SignalValue/properties/confidence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/confidence",schemaPath:"#/$defs/SignalValue/properties/confidence/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/SignalValue/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/signals",schemaPath:"#/properties/signals/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate31.errors = vErrors;
return errors === 0;
}
validate31.evaluated = {"props":{"reward":true,"error":true,"signals":true},"dynamicProps":false,"dynamicItems":false};


function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate30.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.signals === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "signals"},message:"must have required property '"+"signals"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.error === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.reward !== undefined){
let data0 = data.reward;
if(!((typeof data0 == "number") && (isFinite(data0)))){
const err2 = {instancePath:instancePath+"/reward",schemaPath:"#/properties/reward/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.signals !== undefined){
let data1 = data.signals;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key0 in data1){
let data2 = data1[key0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.value === undefined){
const err3 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/SignalValue/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data2.confidence === undefined){
const err4 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/SignalValue/required",keyword:"required",params:{missingProperty: "confidence"},message:"must have required property '"+"confidence"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data2.value !== undefined){
let data3 = data2.value;
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 1 || isNaN(data3)){
const err5 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/value",schemaPath:"#/$defs/SignalValue/properties/value/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data3 < -1 || isNaN(data3)){
const err6 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/value",schemaPath:"#/$defs/SignalValue/properties/value/minimum",keyword:"minimum",params:{comparison: ">=", limit: -1},message:"must be >= -1"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/value",schemaPath:"#/$defs/SignalValue/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data2.confidence !== undefined){
let data4 = data2.confidence;
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 1 || isNaN(data4)){
const err8 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/confidence",schemaPath:"#/$defs/SignalValue/properties/confidence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data4 < 0 || isNaN(data4)){
const err9 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/confidence",schemaPath:"#/$defs/SignalValue/properties/confidence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/confidence",schemaPath:"#/$defs/SignalValue/properties/confidence/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/SignalValue/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/signals",schemaPath:"#/properties/signals/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.error !== undefined){
let data5 = data.error;
if((typeof data5 !== "string") && (data5 !== null)){
const err13 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/type",keyword:"type",params:{type: schema47.properties.error.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.n_rollouts !== undefined){
let data6 = data.n_rollouts;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err14 = {instancePath:instancePath+"/n_rollouts",schemaPath:"#/properties/n_rollouts/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err15 = {instancePath:instancePath+"/n_rollouts",schemaPath:"#/properties/n_rollouts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data.reward_mean !== undefined){
let data7 = data.reward_mean;
if(!((typeof data7 == "number") && (isFinite(data7)))){
const err16 = {instancePath:instancePath+"/reward_mean",schemaPath:"#/properties/reward_mean/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.reward_min !== undefined){
let data8 = data.reward_min;
if(!((typeof data8 == "number") && (isFinite(data8)))){
const err17 = {instancePath:instancePath+"/reward_min",schemaPath:"#/properties/reward_min/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.reward_max !== undefined){
let data9 = data.reward_max;
if(!((typeof data9 == "number") && (isFinite(data9)))){
const err18 = {instancePath:instancePath+"/reward_max",schemaPath:"#/properties/reward_max/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.rewards !== undefined){
let data10 = data.rewards;
if(Array.isArray(data10)){
const len0 = data10.length;
for(let i0=0; i0<len0; i0++){
let data11 = data10[i0];
if(!((typeof data11 == "number") && (isFinite(data11)))){
const err19 = {instancePath:instancePath+"/rewards/" + i0,schemaPath:"#/properties/rewards/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/rewards",schemaPath:"#/properties/rewards/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.errors !== undefined){
let data12 = data.errors;
if(Array.isArray(data12)){
const len1 = data12.length;
for(let i1=0; i1<len1; i1++){
if(typeof data12[i1] !== "string"){
const err21 = {instancePath:instancePath+"/errors/" + i1,schemaPath:"#/properties/errors/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/errors",schemaPath:"#/properties/errors/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.rollouts !== undefined){
let data14 = data.rollouts;
if(Array.isArray(data14)){
const len2 = data14.length;
for(let i2=0; i2<len2; i2++){
if(!(validate31(data14[i2], {instancePath:instancePath+"/rollouts/" + i2,parentData:data14,parentDataProperty:i2,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err23 = {instancePath:instancePath+"/rollouts",schemaPath:"#/properties/rollouts/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
validate30.errors = vErrors;
return errors === 0;
}
validate30.evaluated = {"props":{"reward":true,"signals":true,"error":true,"n_rollouts":true,"reward_mean":true,"reward_min":true,"reward_max":true,"rewards":true,"errors":true,"rollouts":true},"dynamicProps":false,"dynamicItems":false};

const schema51 = {"type":"object","description":"forward_backward results of the active layers.","properties":{"harness":{"$ref":"#/$defs/FbResult"},"router":{"$ref":"#/$defs/FbResult"},"weights":{"$ref":"#/$defs/FbResult"}}};
const schema52 = {"type":"object","description":"A layer's forward_backward result as experiment.jsonl writes it (clawloop.core.types.FBResult).","required":["status","metrics"],"properties":{"status":{"type":"string","default":"ok","description":"ok, error or skipped (FBResult.status is a str)."},"metrics":{"type":"object","additionalProperties":true,"default":{},"description":"Layer metrics; keys differ by layer and backend."}}};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate34.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.harness !== undefined){
let data0 = data.harness;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.status === undefined){
const err0 = {instancePath:instancePath+"/harness",schemaPath:"#/$defs/FbResult/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0.metrics === undefined){
const err1 = {instancePath:instancePath+"/harness",schemaPath:"#/$defs/FbResult/required",keyword:"required",params:{missingProperty: "metrics"},message:"must have required property '"+"metrics"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data0.status !== undefined){
if(typeof data0.status !== "string"){
const err2 = {instancePath:instancePath+"/harness/status",schemaPath:"#/$defs/FbResult/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data0.metrics !== undefined){
let data2 = data0.metrics;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
}
else {
const err3 = {instancePath:instancePath+"/harness/metrics",schemaPath:"#/$defs/FbResult/properties/metrics/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/harness",schemaPath:"#/$defs/FbResult/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.router !== undefined){
let data3 = data.router;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.status === undefined){
const err5 = {instancePath:instancePath+"/router",schemaPath:"#/$defs/FbResult/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data3.metrics === undefined){
const err6 = {instancePath:instancePath+"/router",schemaPath:"#/$defs/FbResult/required",keyword:"required",params:{missingProperty: "metrics"},message:"must have required property '"+"metrics"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data3.status !== undefined){
if(typeof data3.status !== "string"){
const err7 = {instancePath:instancePath+"/router/status",schemaPath:"#/$defs/FbResult/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data3.metrics !== undefined){
let data5 = data3.metrics;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
}
else {
const err8 = {instancePath:instancePath+"/router/metrics",schemaPath:"#/$defs/FbResult/properties/metrics/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/router",schemaPath:"#/$defs/FbResult/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.weights !== undefined){
let data6 = data.weights;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.status === undefined){
const err10 = {instancePath:instancePath+"/weights",schemaPath:"#/$defs/FbResult/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data6.metrics === undefined){
const err11 = {instancePath:instancePath+"/weights",schemaPath:"#/$defs/FbResult/required",keyword:"required",params:{missingProperty: "metrics"},message:"must have required property '"+"metrics"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data6.status !== undefined){
if(typeof data6.status !== "string"){
const err12 = {instancePath:instancePath+"/weights/status",schemaPath:"#/$defs/FbResult/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data6.metrics !== undefined){
let data8 = data6.metrics;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
}
else {
const err13 = {instancePath:instancePath+"/weights/metrics",schemaPath:"#/$defs/FbResult/properties/metrics/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/weights",schemaPath:"#/$defs/FbResult/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate34.errors = vErrors;
return errors === 0;
}
validate34.evaluated = {"props":{"harness":true,"router":true,"weights":true},"dynamicProps":false,"dynamicItems":false};

const schema56 = {"type":"object","description":"Playbook.to_dict().","required":["entries"],"properties":{"entries":{"type":"array","default":[],"items":{"$ref":"#/$defs/PlaybookEntry"}}}};
const schema57 = {"type":"object","description":"One playbook entry as PlaybookEntry.to_dict() writes it (learning_layers/harness.py): the embedding fields only when an embedding is set.","required":["id","content","helpful","harmful","tags"],"properties":{"id":{"type":"string","minLength":1},"content":{"type":"string","default":""},"helpful":{"type":"integer","minimum":0,"default":0},"harmful":{"type":"integer","minimum":0,"default":0},"tags":{"type":"array","default":[],"items":{"type":"string"}},"source_episode_ids":{"type":"array","items":{"type":"string"}},"name":{"type":"string"},"description":{"type":"string"},"anti_patterns":{"type":"string"},"category":{"type":"string"},"created_at":{"type":"number"},"last_activated":{"type":"number"},"generation":{"type":"integer","minimum":0},"decay_rate":{"type":"number","minimum":0},"superseded_by":{"type":["string","null"]},"embedding":{"type":["array","null"],"items":{"type":"number"},"description":"list[float] | None (to_dict leaves it out when None; a plain dataclass dump writes null)."},"embedding_model_id":{"type":["string","null"]},"embedding_updated_at":{"type":["number","null"]}}};

function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate36.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.entries === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "entries"},message:"must have required property '"+"entries"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.entries !== undefined){
let data0 = data.entries;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.id === undefined){
const err1 = {instancePath:instancePath+"/entries/" + i0,schemaPath:"#/$defs/PlaybookEntry/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data1.content === undefined){
const err2 = {instancePath:instancePath+"/entries/" + i0,schemaPath:"#/$defs/PlaybookEntry/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data1.helpful === undefined){
const err3 = {instancePath:instancePath+"/entries/" + i0,schemaPath:"#/$defs/PlaybookEntry/required",keyword:"required",params:{missingProperty: "helpful"},message:"must have required property '"+"helpful"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1.harmful === undefined){
const err4 = {instancePath:instancePath+"/entries/" + i0,schemaPath:"#/$defs/PlaybookEntry/required",keyword:"required",params:{missingProperty: "harmful"},message:"must have required property '"+"harmful"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data1.tags === undefined){
const err5 = {instancePath:instancePath+"/entries/" + i0,schemaPath:"#/$defs/PlaybookEntry/required",keyword:"required",params:{missingProperty: "tags"},message:"must have required property '"+"tags"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data1.id !== undefined){
let data2 = data1.id;
if(typeof data2 === "string"){
if(func1(data2) < 1){
const err6 = {instancePath:instancePath+"/entries/" + i0+"/id",schemaPath:"#/$defs/PlaybookEntry/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/entries/" + i0+"/id",schemaPath:"#/$defs/PlaybookEntry/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data1.content !== undefined){
if(typeof data1.content !== "string"){
const err8 = {instancePath:instancePath+"/entries/" + i0+"/content",schemaPath:"#/$defs/PlaybookEntry/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data1.helpful !== undefined){
let data4 = data1.helpful;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err9 = {instancePath:instancePath+"/entries/" + i0+"/helpful",schemaPath:"#/$defs/PlaybookEntry/properties/helpful/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err10 = {instancePath:instancePath+"/entries/" + i0+"/helpful",schemaPath:"#/$defs/PlaybookEntry/properties/helpful/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
if(data1.harmful !== undefined){
let data5 = data1.harmful;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err11 = {instancePath:instancePath+"/entries/" + i0+"/harmful",schemaPath:"#/$defs/PlaybookEntry/properties/harmful/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err12 = {instancePath:instancePath+"/entries/" + i0+"/harmful",schemaPath:"#/$defs/PlaybookEntry/properties/harmful/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data1.tags !== undefined){
let data6 = data1.tags;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
if(typeof data6[i1] !== "string"){
const err13 = {instancePath:instancePath+"/entries/" + i0+"/tags/" + i1,schemaPath:"#/$defs/PlaybookEntry/properties/tags/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/entries/" + i0+"/tags",schemaPath:"#/$defs/PlaybookEntry/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data1.source_episode_ids !== undefined){
let data8 = data1.source_episode_ids;
if(Array.isArray(data8)){
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
if(typeof data8[i2] !== "string"){
const err15 = {instancePath:instancePath+"/entries/" + i0+"/source_episode_ids/" + i2,schemaPath:"#/$defs/PlaybookEntry/properties/source_episode_ids/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/entries/" + i0+"/source_episode_ids",schemaPath:"#/$defs/PlaybookEntry/properties/source_episode_ids/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data1.name !== undefined){
if(typeof data1.name !== "string"){
const err17 = {instancePath:instancePath+"/entries/" + i0+"/name",schemaPath:"#/$defs/PlaybookEntry/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data1.description !== undefined){
if(typeof data1.description !== "string"){
const err18 = {instancePath:instancePath+"/entries/" + i0+"/description",schemaPath:"#/$defs/PlaybookEntry/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data1.anti_patterns !== undefined){
if(typeof data1.anti_patterns !== "string"){
const err19 = {instancePath:instancePath+"/entries/" + i0+"/anti_patterns",schemaPath:"#/$defs/PlaybookEntry/properties/anti_patterns/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data1.category !== undefined){
if(typeof data1.category !== "string"){
const err20 = {instancePath:instancePath+"/entries/" + i0+"/category",schemaPath:"#/$defs/PlaybookEntry/properties/category/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data1.created_at !== undefined){
let data14 = data1.created_at;
if(!((typeof data14 == "number") && (isFinite(data14)))){
const err21 = {instancePath:instancePath+"/entries/" + i0+"/created_at",schemaPath:"#/$defs/PlaybookEntry/properties/created_at/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data1.last_activated !== undefined){
let data15 = data1.last_activated;
if(!((typeof data15 == "number") && (isFinite(data15)))){
const err22 = {instancePath:instancePath+"/entries/" + i0+"/last_activated",schemaPath:"#/$defs/PlaybookEntry/properties/last_activated/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data1.generation !== undefined){
let data16 = data1.generation;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err23 = {instancePath:instancePath+"/entries/" + i0+"/generation",schemaPath:"#/$defs/PlaybookEntry/properties/generation/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 < 0 || isNaN(data16)){
const err24 = {instancePath:instancePath+"/entries/" + i0+"/generation",schemaPath:"#/$defs/PlaybookEntry/properties/generation/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
if(data1.decay_rate !== undefined){
let data17 = data1.decay_rate;
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 < 0 || isNaN(data17)){
const err25 = {instancePath:instancePath+"/entries/" + i0+"/decay_rate",schemaPath:"#/$defs/PlaybookEntry/properties/decay_rate/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/entries/" + i0+"/decay_rate",schemaPath:"#/$defs/PlaybookEntry/properties/decay_rate/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data1.superseded_by !== undefined){
let data18 = data1.superseded_by;
if((typeof data18 !== "string") && (data18 !== null)){
const err27 = {instancePath:instancePath+"/entries/" + i0+"/superseded_by",schemaPath:"#/$defs/PlaybookEntry/properties/superseded_by/type",keyword:"type",params:{type: schema57.properties.superseded_by.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data1.embedding !== undefined){
let data19 = data1.embedding;
if((!(Array.isArray(data19))) && (data19 !== null)){
const err28 = {instancePath:instancePath+"/entries/" + i0+"/embedding",schemaPath:"#/$defs/PlaybookEntry/properties/embedding/type",keyword:"type",params:{type: schema57.properties.embedding.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(Array.isArray(data19)){
const len3 = data19.length;
for(let i3=0; i3<len3; i3++){
let data20 = data19[i3];
if(!((typeof data20 == "number") && (isFinite(data20)))){
const err29 = {instancePath:instancePath+"/entries/" + i0+"/embedding/" + i3,schemaPath:"#/$defs/PlaybookEntry/properties/embedding/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
}
if(data1.embedding_model_id !== undefined){
let data21 = data1.embedding_model_id;
if((typeof data21 !== "string") && (data21 !== null)){
const err30 = {instancePath:instancePath+"/entries/" + i0+"/embedding_model_id",schemaPath:"#/$defs/PlaybookEntry/properties/embedding_model_id/type",keyword:"type",params:{type: schema57.properties.embedding_model_id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data1.embedding_updated_at !== undefined){
let data22 = data1.embedding_updated_at;
if((!((typeof data22 == "number") && (isFinite(data22)))) && (data22 !== null)){
const err31 = {instancePath:instancePath+"/entries/" + i0+"/embedding_updated_at",schemaPath:"#/$defs/PlaybookEntry/properties/embedding_updated_at/type",keyword:"type",params:{type: schema57.properties.embedding_updated_at.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/entries/" + i0,schemaPath:"#/$defs/PlaybookEntry/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/entries",schemaPath:"#/properties/entries/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
validate36.errors = vErrors;
return errors === 0;
}
validate36.evaluated = {"props":{"entries":true},"dynamicProps":false,"dynamicItems":false};


function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate29.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.run_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "run_id"},message:"must have required property '"+"run_id"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.iteration === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "iteration"},message:"must have required property '"+"iteration"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.timestamp === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "timestamp"},message:"must have required property '"+"timestamp"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.type !== undefined){
if("iteration" !== data.type){
const err4 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "iteration"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.run_id !== undefined){
let data1 = data.run_id;
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err5 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.iteration !== undefined){
let data2 = data.iteration;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err7 = {instancePath:instancePath+"/iteration",schemaPath:"#/properties/iteration/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err8 = {instancePath:instancePath+"/iteration",schemaPath:"#/properties/iteration/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
if(data.timestamp !== undefined){
let data3 = data.timestamp;
if(!((typeof data3 == "number") && (isFinite(data3)))){
const err9 = {instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.n_episodes !== undefined){
let data4 = data.n_episodes;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/n_episodes",schemaPath:"#/properties/n_episodes/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n_episodes",schemaPath:"#/properties/n_episodes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
if(data.avg_reward !== undefined){
let data5 = data.avg_reward;
if(!((typeof data5 == "number") && (isFinite(data5)))){
const err12 = {instancePath:instancePath+"/avg_reward",schemaPath:"#/properties/avg_reward/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.min_reward !== undefined){
let data6 = data.min_reward;
if(!((typeof data6 == "number") && (isFinite(data6)))){
const err13 = {instancePath:instancePath+"/min_reward",schemaPath:"#/properties/min_reward/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.max_reward !== undefined){
let data7 = data.max_reward;
if(!((typeof data7 == "number") && (isFinite(data7)))){
const err14 = {instancePath:instancePath+"/max_reward",schemaPath:"#/properties/max_reward/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.per_task !== undefined){
let data8 = data.per_task;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key0 in data8){
if(!(validate30(data8[key0], {instancePath:instancePath+"/per_task/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data8,parentDataProperty:key0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
errors = vErrors.length;
}
}
}
else {
const err15 = {instancePath:instancePath+"/per_task",schemaPath:"#/properties/per_task/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.fb_results !== undefined){
if(!(validate34(data.fb_results, {instancePath:instancePath+"/fb_results",parentData:data,parentDataProperty:"fb_results",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
if(data.playbook_size !== undefined){
let data11 = data.playbook_size;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err16 = {instancePath:instancePath+"/playbook_size",schemaPath:"#/properties/playbook_size/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 < 0 || isNaN(data11)){
const err17 = {instancePath:instancePath+"/playbook_size",schemaPath:"#/properties/playbook_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
if(data.playbook_entries !== undefined){
let data12 = data.playbook_entries;
if(Array.isArray(data12)){
const len0 = data12.length;
for(let i0=0; i0<len0; i0++){
let data13 = data12[i0];
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.id === undefined){
const err18 = {instancePath:instancePath+"/playbook_entries/" + i0,schemaPath:"#/$defs/PlaybookEntrySummary/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data13.content === undefined){
const err19 = {instancePath:instancePath+"/playbook_entries/" + i0,schemaPath:"#/$defs/PlaybookEntrySummary/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data13.helpful === undefined){
const err20 = {instancePath:instancePath+"/playbook_entries/" + i0,schemaPath:"#/$defs/PlaybookEntrySummary/required",keyword:"required",params:{missingProperty: "helpful"},message:"must have required property '"+"helpful"+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data13.harmful === undefined){
const err21 = {instancePath:instancePath+"/playbook_entries/" + i0,schemaPath:"#/$defs/PlaybookEntrySummary/required",keyword:"required",params:{missingProperty: "harmful"},message:"must have required property '"+"harmful"+"'"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data13.tags === undefined){
const err22 = {instancePath:instancePath+"/playbook_entries/" + i0,schemaPath:"#/$defs/PlaybookEntrySummary/required",keyword:"required",params:{missingProperty: "tags"},message:"must have required property '"+"tags"+"'"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data13.id !== undefined){
let data14 = data13.id;
if(typeof data14 === "string"){
if(func1(data14) < 1){
const err23 = {instancePath:instancePath+"/playbook_entries/" + i0+"/id",schemaPath:"#/$defs/PlaybookEntrySummary/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/playbook_entries/" + i0+"/id",schemaPath:"#/$defs/PlaybookEntrySummary/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data13.content !== undefined){
if(typeof data13.content !== "string"){
const err25 = {instancePath:instancePath+"/playbook_entries/" + i0+"/content",schemaPath:"#/$defs/PlaybookEntrySummary/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data13.helpful !== undefined){
let data16 = data13.helpful;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err26 = {instancePath:instancePath+"/playbook_entries/" + i0+"/helpful",schemaPath:"#/$defs/PlaybookEntrySummary/properties/helpful/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 < 0 || isNaN(data16)){
const err27 = {instancePath:instancePath+"/playbook_entries/" + i0+"/helpful",schemaPath:"#/$defs/PlaybookEntrySummary/properties/helpful/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
if(data13.harmful !== undefined){
let data17 = data13.harmful;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err28 = {instancePath:instancePath+"/playbook_entries/" + i0+"/harmful",schemaPath:"#/$defs/PlaybookEntrySummary/properties/harmful/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 < 0 || isNaN(data17)){
const err29 = {instancePath:instancePath+"/playbook_entries/" + i0+"/harmful",schemaPath:"#/$defs/PlaybookEntrySummary/properties/harmful/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
if(data13.tags !== undefined){
let data18 = data13.tags;
if(Array.isArray(data18)){
const len1 = data18.length;
for(let i1=0; i1<len1; i1++){
if(typeof data18[i1] !== "string"){
const err30 = {instancePath:instancePath+"/playbook_entries/" + i0+"/tags/" + i1,schemaPath:"#/$defs/PlaybookEntrySummary/properties/tags/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/playbook_entries/" + i0+"/tags",schemaPath:"#/$defs/PlaybookEntrySummary/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/playbook_entries/" + i0,schemaPath:"#/$defs/PlaybookEntrySummary/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/playbook_entries",schemaPath:"#/properties/playbook_entries/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.playbook !== undefined){
if(!(validate36(data.playbook, {instancePath:instancePath+"/playbook",parentData:data,parentDataProperty:"playbook",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
errors = vErrors.length;
}
}
if(data.playbook_version !== undefined){
let data21 = data.playbook_version;
if(!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))){
const err34 = {instancePath:instancePath+"/playbook_version",schemaPath:"#/properties/playbook_version/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if((typeof data21 == "number") && (isFinite(data21))){
if(data21 < 0 || isNaN(data21)){
const err35 = {instancePath:instancePath+"/playbook_version",schemaPath:"#/properties/playbook_version/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
if(data.playbook_generation !== undefined){
let data22 = data.playbook_generation;
if(!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))){
const err36 = {instancePath:instancePath+"/playbook_generation",schemaPath:"#/properties/playbook_generation/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if((typeof data22 == "number") && (isFinite(data22))){
if(data22 < 0 || isNaN(data22)){
const err37 = {instancePath:instancePath+"/playbook_generation",schemaPath:"#/properties/playbook_generation/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
if(data.state_id !== undefined){
let data23 = data.state_id;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.harness_hash === undefined){
const err38 = {instancePath:instancePath+"/state_id",schemaPath:"#/$defs/StateID/required",keyword:"required",params:{missingProperty: "harness_hash"},message:"must have required property '"+"harness_hash"+"'"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(data23.router_hash === undefined){
const err39 = {instancePath:instancePath+"/state_id",schemaPath:"#/$defs/StateID/required",keyword:"required",params:{missingProperty: "router_hash"},message:"must have required property '"+"router_hash"+"'"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if(data23.weights_hash === undefined){
const err40 = {instancePath:instancePath+"/state_id",schemaPath:"#/$defs/StateID/required",keyword:"required",params:{missingProperty: "weights_hash"},message:"must have required property '"+"weights_hash"+"'"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(data23.combined_hash === undefined){
const err41 = {instancePath:instancePath+"/state_id",schemaPath:"#/$defs/StateID/required",keyword:"required",params:{missingProperty: "combined_hash"},message:"must have required property '"+"combined_hash"+"'"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(data23.harness_hash !== undefined){
let data24 = data23.harness_hash;
if(typeof data24 === "string"){
if(func1(data24) < 1){
const err42 = {instancePath:instancePath+"/state_id/harness_hash",schemaPath:"#/$defs/StateID/properties/harness_hash/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/state_id/harness_hash",schemaPath:"#/$defs/StateID/properties/harness_hash/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data23.router_hash !== undefined){
let data25 = data23.router_hash;
if(typeof data25 === "string"){
if(func1(data25) < 1){
const err44 = {instancePath:instancePath+"/state_id/router_hash",schemaPath:"#/$defs/StateID/properties/router_hash/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/state_id/router_hash",schemaPath:"#/$defs/StateID/properties/router_hash/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data23.weights_hash !== undefined){
let data26 = data23.weights_hash;
if(typeof data26 === "string"){
if(func1(data26) < 1){
const err46 = {instancePath:instancePath+"/state_id/weights_hash",schemaPath:"#/$defs/StateID/properties/weights_hash/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/state_id/weights_hash",schemaPath:"#/$defs/StateID/properties/weights_hash/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data23.combined_hash !== undefined){
let data27 = data23.combined_hash;
if(typeof data27 === "string"){
if(func1(data27) < 1){
const err48 = {instancePath:instancePath+"/state_id/combined_hash",schemaPath:"#/$defs/StateID/properties/combined_hash/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/state_id/combined_hash",schemaPath:"#/$defs/StateID/properties/combined_hash/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data23.created_at !== undefined){
let data28 = data23.created_at;
if(!((typeof data28 == "number") && (isFinite(data28)))){
const err50 = {instancePath:instancePath+"/state_id/created_at",schemaPath:"#/$defs/StateID/properties/created_at/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath:instancePath+"/state_id",schemaPath:"#/$defs/StateID/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data.harness_snapshot_hash !== undefined){
if(typeof data.harness_snapshot_hash !== "string"){
const err52 = {instancePath:instancePath+"/harness_snapshot_hash",schemaPath:"#/properties/harness_snapshot_hash/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data.tinker_checkpoints !== undefined){
if(!(Array.isArray(data.tinker_checkpoints))){
const err53 = {instancePath:instancePath+"/tinker_checkpoints",schemaPath:"#/properties/tinker_checkpoints/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data.tinker_model_id !== undefined){
let data31 = data.tinker_model_id;
if((typeof data31 !== "string") && (data31 !== null)){
const err54 = {instancePath:instancePath+"/tinker_model_id",schemaPath:"#/properties/tinker_model_id/type",keyword:"type",params:{type: schema46.properties.tinker_model_id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data.tinker_durable_paths !== undefined){
let data32 = data.tinker_durable_paths;
if(Array.isArray(data32)){
const len2 = data32.length;
for(let i2=0; i2<len2; i2++){
if(typeof data32[i2] !== "string"){
const err55 = {instancePath:instancePath+"/tinker_durable_paths/" + i2,schemaPath:"#/properties/tinker_durable_paths/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
else {
const err56 = {instancePath:instancePath+"/tinker_durable_paths",schemaPath:"#/properties/tinker_durable_paths/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
validate29.errors = vErrors;
return errors === 0;
}
validate29.evaluated = {"props":{"type":true,"run_id":true,"iteration":true,"timestamp":true,"n_episodes":true,"avg_reward":true,"min_reward":true,"max_reward":true,"per_task":true,"fb_results":true,"playbook_size":true,"playbook_entries":true,"playbook":true,"playbook_version":true,"playbook_generation":true,"state_id":true,"harness_snapshot_hash":true,"tinker_checkpoints":true,"tinker_model_id":true,"tinker_durable_paths":true},"dynamicProps":false,"dynamicItems":false};

export const validateRunFinishedEvent = validate38;
const schema59 = {"title":"RunFinishedEvent","description":"A ClawLoop run ended (archive run_complete, the bridge's finish(), or the end of a replayed file).","type":"object","required":["type","run_id","finished_at","status"],"properties":{"type":{"const":"run.finished"},"run_id":{"type":"string","minLength":1},"finished_at":{"type":"number","description":"Unix epoch seconds."},"status":{"type":"string","description":"completed or failed (the bridge's finish(status=...)); another value passes through."},"best_reward":{"type":"number"},"improvement_delta":{"type":"number"},"total_cost_tokens":{"type":"integer","minimum":0},"n_iterations_completed":{"type":"integer","minimum":0},"error":{"type":"string"}}};

function validate38(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate38.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.run_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "run_id"},message:"must have required property '"+"run_id"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.finished_at === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "finished_at"},message:"must have required property '"+"finished_at"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.status === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.type !== undefined){
if("run.finished" !== data.type){
const err4 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "run.finished"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.run_id !== undefined){
let data1 = data.run_id;
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err5 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.finished_at !== undefined){
let data2 = data.finished_at;
if(!((typeof data2 == "number") && (isFinite(data2)))){
const err7 = {instancePath:instancePath+"/finished_at",schemaPath:"#/properties/finished_at/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.status !== undefined){
if(typeof data.status !== "string"){
const err8 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.best_reward !== undefined){
let data4 = data.best_reward;
if(!((typeof data4 == "number") && (isFinite(data4)))){
const err9 = {instancePath:instancePath+"/best_reward",schemaPath:"#/properties/best_reward/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.improvement_delta !== undefined){
let data5 = data.improvement_delta;
if(!((typeof data5 == "number") && (isFinite(data5)))){
const err10 = {instancePath:instancePath+"/improvement_delta",schemaPath:"#/properties/improvement_delta/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.total_cost_tokens !== undefined){
let data6 = data.total_cost_tokens;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err11 = {instancePath:instancePath+"/total_cost_tokens",schemaPath:"#/properties/total_cost_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err12 = {instancePath:instancePath+"/total_cost_tokens",schemaPath:"#/properties/total_cost_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.n_iterations_completed !== undefined){
let data7 = data.n_iterations_completed;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err13 = {instancePath:instancePath+"/n_iterations_completed",schemaPath:"#/properties/n_iterations_completed/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
const err14 = {instancePath:instancePath+"/n_iterations_completed",schemaPath:"#/properties/n_iterations_completed/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
if(data.error !== undefined){
if(typeof data.error !== "string"){
const err15 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate38.errors = vErrors;
return errors === 0;
}
validate38.evaluated = {"props":{"type":true,"run_id":true,"finished_at":true,"status":true,"best_reward":true,"improvement_delta":true,"total_cost_tokens":true,"n_iterations_completed":true,"error":true},"dynamicProps":false,"dynamicItems":false};

export const validateRunStartedEvent = validate39;
const schema60 = {"title":"RunStartedEvent","description":"A ClawLoop run began. From the archive's run_start record, the bridge's first callback, or synthesized by a reader from the output directory.","type":"object","required":["type","run_id","started_at","source"],"properties":{"type":{"const":"run.started"},"run_id":{"type":"string","minLength":1,"description":"ClawLoop run id (archive run_id, or given / derived from the output directory)."},"started_at":{"type":"number","description":"Unix epoch seconds."},"source":{"type":"string","description":"What produced the events: a file path, 'bridge' or 'serve'.","default":"unknown"},"bench":{"type":"string","description":"Benchmark / environment name."},"domain_tags":{"type":"array","items":{"type":"string"}},"n_iterations":{"type":"integer","minimum":0,"description":"Planned iterations."},"config_hash":{"type":"string","description":"Hash of the agent config (archive run_start)."},"parent_run_id":{"type":["string","null"],"description":"Run this one was forked from."},"agent_config":{"type":"object","additionalProperties":true,"description":"Initial agent config: system_prompts, playbook, router (archive run_start)."},"config":{"type":"object","additionalProperties":true,"description":"User-supplied run configuration (bridge or CLI)."},"tags":{"type":"array","items":{"type":"string"},"description":"User-supplied tags."}}};

function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate39.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.run_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "run_id"},message:"must have required property '"+"run_id"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.started_at === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "started_at"},message:"must have required property '"+"started_at"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.source === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.type !== undefined){
if("run.started" !== data.type){
const err4 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "run.started"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.run_id !== undefined){
let data1 = data.run_id;
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err5 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.started_at !== undefined){
let data2 = data.started_at;
if(!((typeof data2 == "number") && (isFinite(data2)))){
const err7 = {instancePath:instancePath+"/started_at",schemaPath:"#/properties/started_at/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.source !== undefined){
if(typeof data.source !== "string"){
const err8 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.bench !== undefined){
if(typeof data.bench !== "string"){
const err9 = {instancePath:instancePath+"/bench",schemaPath:"#/properties/bench/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.domain_tags !== undefined){
let data5 = data.domain_tags;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
if(typeof data5[i0] !== "string"){
const err10 = {instancePath:instancePath+"/domain_tags/" + i0,schemaPath:"#/properties/domain_tags/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/domain_tags",schemaPath:"#/properties/domain_tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.n_iterations !== undefined){
let data7 = data.n_iterations;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err12 = {instancePath:instancePath+"/n_iterations",schemaPath:"#/properties/n_iterations/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
const err13 = {instancePath:instancePath+"/n_iterations",schemaPath:"#/properties/n_iterations/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data.config_hash !== undefined){
if(typeof data.config_hash !== "string"){
const err14 = {instancePath:instancePath+"/config_hash",schemaPath:"#/properties/config_hash/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.parent_run_id !== undefined){
let data9 = data.parent_run_id;
if((typeof data9 !== "string") && (data9 !== null)){
const err15 = {instancePath:instancePath+"/parent_run_id",schemaPath:"#/properties/parent_run_id/type",keyword:"type",params:{type: schema60.properties.parent_run_id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.agent_config !== undefined){
let data10 = data.agent_config;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
}
else {
const err16 = {instancePath:instancePath+"/agent_config",schemaPath:"#/properties/agent_config/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.config !== undefined){
let data11 = data.config;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
}
else {
const err17 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.tags !== undefined){
let data12 = data.tags;
if(Array.isArray(data12)){
const len1 = data12.length;
for(let i1=0; i1<len1; i1++){
if(typeof data12[i1] !== "string"){
const err18 = {instancePath:instancePath+"/tags/" + i1,schemaPath:"#/properties/tags/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
validate39.errors = vErrors;
return errors === 0;
}
validate39.evaluated = {"props":{"type":true,"run_id":true,"started_at":true,"source":true,"bench":true,"domain_tags":true,"n_iterations":true,"config_hash":true,"parent_run_id":true,"agent_config":true,"config":true,"tags":true},"dynamicProps":false,"dynamicItems":false};

export const validateArchiveEpisodeRecord = validate40;
const schema61 = {"title":"ArchiveEpisodeRecord","description":"A line of <archive>/<run_id>/episodes.jsonl (clawloop/archive/schema.py EpisodeRecord.to_dict, written by core/archive_recorder.py): a summary of an episode, without messages.","type":"object","required":["record_type","run_id","iteration_num","episode_id","task_id","bench"],"properties":{"_schema":{"type":"integer","description":"Archive record format version (1)."},"record_type":{"const":"episode"},"run_id":{"type":"string","minLength":1},"iteration_num":{"type":"integer","minimum":0},"episode_id":{"type":"string","minLength":1},"task_id":{"type":"string","default":""},"bench":{"type":"string","default":"unknown"},"model":{"type":"string","description":"Episode model (\"\" when none)."},"reward":{"type":"number","minimum":0,"maximum":1,"description":"normalized_reward() in [0, 1] (0.5 when there are no signals)."},"signals":{"type":"object","additionalProperties":{"$ref":"#/$defs/SignalValue"},"default":{}},"n_steps":{"type":"integer","minimum":0},"n_tool_calls":{"type":"integer","minimum":0},"token_usage":{"oneOf":[{"$ref":"#/$defs/TokenUsage"},{"type":"object","maxProperties":0}]},"latency_ms":{"type":"number","minimum":0,"description":"Episode wall time (Timing.total_ms, as an integer)."},"messages_ref":{"type":["string","null"]},"created_at":{"type":"number"}}};

function validate40(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate40.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.record_type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "record_type"},message:"must have required property '"+"record_type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.run_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "run_id"},message:"must have required property '"+"run_id"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.iteration_num === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "iteration_num"},message:"must have required property '"+"iteration_num"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.episode_id === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "episode_id"},message:"must have required property '"+"episode_id"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.task_id === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "task_id"},message:"must have required property '"+"task_id"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.bench === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bench"},message:"must have required property '"+"bench"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data._schema !== undefined){
let data0 = data._schema;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err6 = {instancePath:instancePath+"/_schema",schemaPath:"#/properties/_schema/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.record_type !== undefined){
if("episode" !== data.record_type){
const err7 = {instancePath:instancePath+"/record_type",schemaPath:"#/properties/record_type/const",keyword:"const",params:{allowedValue: "episode"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.run_id !== undefined){
let data2 = data.run_id;
if(typeof data2 === "string"){
if(func1(data2) < 1){
const err8 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.iteration_num !== undefined){
let data3 = data.iteration_num;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err10 = {instancePath:instancePath+"/iteration_num",schemaPath:"#/properties/iteration_num/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err11 = {instancePath:instancePath+"/iteration_num",schemaPath:"#/properties/iteration_num/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
if(data.episode_id !== undefined){
let data4 = data.episode_id;
if(typeof data4 === "string"){
if(func1(data4) < 1){
const err12 = {instancePath:instancePath+"/episode_id",schemaPath:"#/properties/episode_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/episode_id",schemaPath:"#/properties/episode_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.task_id !== undefined){
if(typeof data.task_id !== "string"){
const err14 = {instancePath:instancePath+"/task_id",schemaPath:"#/properties/task_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.bench !== undefined){
if(typeof data.bench !== "string"){
const err15 = {instancePath:instancePath+"/bench",schemaPath:"#/properties/bench/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.model !== undefined){
if(typeof data.model !== "string"){
const err16 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.reward !== undefined){
let data8 = data.reward;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 1 || isNaN(data8)){
const err17 = {instancePath:instancePath+"/reward",schemaPath:"#/properties/reward/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data8 < 0 || isNaN(data8)){
const err18 = {instancePath:instancePath+"/reward",schemaPath:"#/properties/reward/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/reward",schemaPath:"#/properties/reward/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.signals !== undefined){
let data9 = data.signals;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key0 in data9){
let data10 = data9[key0];
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.value === undefined){
const err20 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/SignalValue/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data10.confidence === undefined){
const err21 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/SignalValue/required",keyword:"required",params:{missingProperty: "confidence"},message:"must have required property '"+"confidence"+"'"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data10.value !== undefined){
let data11 = data10.value;
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 1 || isNaN(data11)){
const err22 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/value",schemaPath:"#/$defs/SignalValue/properties/value/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data11 < -1 || isNaN(data11)){
const err23 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/value",schemaPath:"#/$defs/SignalValue/properties/value/minimum",keyword:"minimum",params:{comparison: ">=", limit: -1},message:"must be >= -1"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/value",schemaPath:"#/$defs/SignalValue/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data10.confidence !== undefined){
let data12 = data10.confidence;
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 > 1 || isNaN(data12)){
const err25 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/confidence",schemaPath:"#/$defs/SignalValue/properties/confidence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data12 < 0 || isNaN(data12)){
const err26 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/confidence",schemaPath:"#/$defs/SignalValue/properties/confidence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/confidence",schemaPath:"#/$defs/SignalValue/properties/confidence/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/signals/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/SignalValue/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/signals",schemaPath:"#/properties/signals/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.n_steps !== undefined){
let data13 = data.n_steps;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err30 = {instancePath:instancePath+"/n_steps",schemaPath:"#/properties/n_steps/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 0 || isNaN(data13)){
const err31 = {instancePath:instancePath+"/n_steps",schemaPath:"#/properties/n_steps/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
if(data.n_tool_calls !== undefined){
let data14 = data.n_tool_calls;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err32 = {instancePath:instancePath+"/n_tool_calls",schemaPath:"#/properties/n_tool_calls/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 < 0 || isNaN(data14)){
const err33 = {instancePath:instancePath+"/n_tool_calls",schemaPath:"#/properties/n_tool_calls/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
if(data.token_usage !== undefined){
let data15 = data.token_usage;
const _errs33 = errors;
let valid4 = false;
let passing0 = null;
const _errs34 = errors;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.prompt_tokens === undefined){
const err34 = {instancePath:instancePath+"/token_usage",schemaPath:"#/$defs/TokenUsage/required",keyword:"required",params:{missingProperty: "prompt_tokens"},message:"must have required property '"+"prompt_tokens"+"'"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data15.completion_tokens === undefined){
const err35 = {instancePath:instancePath+"/token_usage",schemaPath:"#/$defs/TokenUsage/required",keyword:"required",params:{missingProperty: "completion_tokens"},message:"must have required property '"+"completion_tokens"+"'"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data15.total_tokens === undefined){
const err36 = {instancePath:instancePath+"/token_usage",schemaPath:"#/$defs/TokenUsage/required",keyword:"required",params:{missingProperty: "total_tokens"},message:"must have required property '"+"total_tokens"+"'"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(data15.prompt_tokens !== undefined){
let data16 = data15.prompt_tokens;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err37 = {instancePath:instancePath+"/token_usage/prompt_tokens",schemaPath:"#/$defs/TokenUsage/properties/prompt_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 < 0 || isNaN(data16)){
const err38 = {instancePath:instancePath+"/token_usage/prompt_tokens",schemaPath:"#/$defs/TokenUsage/properties/prompt_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
if(data15.completion_tokens !== undefined){
let data17 = data15.completion_tokens;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err39 = {instancePath:instancePath+"/token_usage/completion_tokens",schemaPath:"#/$defs/TokenUsage/properties/completion_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 < 0 || isNaN(data17)){
const err40 = {instancePath:instancePath+"/token_usage/completion_tokens",schemaPath:"#/$defs/TokenUsage/properties/completion_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
if(data15.total_tokens !== undefined){
let data18 = data15.total_tokens;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
const err41 = {instancePath:instancePath+"/token_usage/total_tokens",schemaPath:"#/$defs/TokenUsage/properties/total_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 < 0 || isNaN(data18)){
const err42 = {instancePath:instancePath+"/token_usage/total_tokens",schemaPath:"#/$defs/TokenUsage/properties/total_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
}
else {
const err43 = {instancePath:instancePath+"/token_usage",schemaPath:"#/$defs/TokenUsage/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
var _valid0 = _errs34 === errors;
if(_valid0){
valid4 = true;
passing0 = 0;
var props0 = {};
props0.prompt_tokens = true;
props0.completion_tokens = true;
props0.total_tokens = true;
}
const _errs43 = errors;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(Object.keys(data15).length > 0){
const err44 = {instancePath:instancePath+"/token_usage",schemaPath:"#/properties/token_usage/oneOf/1/maxProperties",keyword:"maxProperties",params:{limit: 0},message:"must NOT have more than 0 properties"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/token_usage",schemaPath:"#/properties/token_usage/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
var _valid0 = _errs43 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid4 = true;
passing0 = 1;
}
}
if(!valid4){
const err46 = {instancePath:instancePath+"/token_usage",schemaPath:"#/properties/token_usage/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
else {
errors = _errs33;
if(vErrors !== null){
if(_errs33){
vErrors.length = _errs33;
}
else {
vErrors = null;
}
}
}
}
if(data.latency_ms !== undefined){
let data19 = data.latency_ms;
if((typeof data19 == "number") && (isFinite(data19))){
if(data19 < 0 || isNaN(data19)){
const err47 = {instancePath:instancePath+"/latency_ms",schemaPath:"#/properties/latency_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
else {
const err48 = {instancePath:instancePath+"/latency_ms",schemaPath:"#/properties/latency_ms/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data.messages_ref !== undefined){
let data20 = data.messages_ref;
if((typeof data20 !== "string") && (data20 !== null)){
const err49 = {instancePath:instancePath+"/messages_ref",schemaPath:"#/properties/messages_ref/type",keyword:"type",params:{type: schema61.properties.messages_ref.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data.created_at !== undefined){
let data21 = data.created_at;
if(!((typeof data21 == "number") && (isFinite(data21)))){
const err50 = {instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
validate40.errors = vErrors;
return errors === 0;
}
validate40.evaluated = {"props":{"_schema":true,"record_type":true,"run_id":true,"iteration_num":true,"episode_id":true,"task_id":true,"bench":true,"model":true,"reward":true,"signals":true,"n_steps":true,"n_tool_calls":true,"token_usage":true,"latency_ms":true,"messages_ref":true,"created_at":true},"dynamicProps":false,"dynamicItems":false};

export const validateArchiveIterationRecord = validate41;
const schema64 = {"title":"ArchiveIterationRecord","description":"A line of <archive>/iterations.jsonl (clawloop/archive/schema.py IterationRecord.to_dict).","type":"object","required":["record_type","run_id","iteration_num"],"properties":{"_schema":{"type":"integer","description":"Archive record format version (1)."},"record_type":{"const":"iteration"},"run_id":{"type":"string","minLength":1},"iteration_num":{"type":"integer","minimum":0},"harness_snapshot_hash":{"type":"string"},"mean_reward":{"type":"number"},"reward_trajectory":{"type":"array","items":{"type":"number"}},"evolver_action":{"type":"object","additionalProperties":{"type":"object","additionalProperties":true},"description":"Metrics of each layer whose forward_backward was ok."},"cost_tokens":{"type":"integer","minimum":0},"parent_variant_hash":{"type":["string","null"]},"child_variant_hash":{"type":["string","null"]},"reward_delta":{"type":"number"},"created_at":{"type":"number"}}};

function validate41(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate41.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.record_type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "record_type"},message:"must have required property '"+"record_type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.run_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "run_id"},message:"must have required property '"+"run_id"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.iteration_num === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "iteration_num"},message:"must have required property '"+"iteration_num"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data._schema !== undefined){
let data0 = data._schema;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err3 = {instancePath:instancePath+"/_schema",schemaPath:"#/properties/_schema/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.record_type !== undefined){
if("iteration" !== data.record_type){
const err4 = {instancePath:instancePath+"/record_type",schemaPath:"#/properties/record_type/const",keyword:"const",params:{allowedValue: "iteration"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.run_id !== undefined){
let data2 = data.run_id;
if(typeof data2 === "string"){
if(func1(data2) < 1){
const err5 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.iteration_num !== undefined){
let data3 = data.iteration_num;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err7 = {instancePath:instancePath+"/iteration_num",schemaPath:"#/properties/iteration_num/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err8 = {instancePath:instancePath+"/iteration_num",schemaPath:"#/properties/iteration_num/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
if(data.harness_snapshot_hash !== undefined){
if(typeof data.harness_snapshot_hash !== "string"){
const err9 = {instancePath:instancePath+"/harness_snapshot_hash",schemaPath:"#/properties/harness_snapshot_hash/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.mean_reward !== undefined){
let data5 = data.mean_reward;
if(!((typeof data5 == "number") && (isFinite(data5)))){
const err10 = {instancePath:instancePath+"/mean_reward",schemaPath:"#/properties/mean_reward/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.reward_trajectory !== undefined){
let data6 = data.reward_trajectory;
if(Array.isArray(data6)){
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
if(!((typeof data7 == "number") && (isFinite(data7)))){
const err11 = {instancePath:instancePath+"/reward_trajectory/" + i0,schemaPath:"#/properties/reward_trajectory/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/reward_trajectory",schemaPath:"#/properties/reward_trajectory/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.evolver_action !== undefined){
let data8 = data.evolver_action;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key0 in data8){
let data9 = data8[key0];
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
}
else {
const err13 = {instancePath:instancePath+"/evolver_action/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/evolver_action/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/evolver_action",schemaPath:"#/properties/evolver_action/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.cost_tokens !== undefined){
let data10 = data.cost_tokens;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err15 = {instancePath:instancePath+"/cost_tokens",schemaPath:"#/properties/cost_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
const err16 = {instancePath:instancePath+"/cost_tokens",schemaPath:"#/properties/cost_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
if(data.parent_variant_hash !== undefined){
let data11 = data.parent_variant_hash;
if((typeof data11 !== "string") && (data11 !== null)){
const err17 = {instancePath:instancePath+"/parent_variant_hash",schemaPath:"#/properties/parent_variant_hash/type",keyword:"type",params:{type: schema64.properties.parent_variant_hash.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.child_variant_hash !== undefined){
let data12 = data.child_variant_hash;
if((typeof data12 !== "string") && (data12 !== null)){
const err18 = {instancePath:instancePath+"/child_variant_hash",schemaPath:"#/properties/child_variant_hash/type",keyword:"type",params:{type: schema64.properties.child_variant_hash.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.reward_delta !== undefined){
let data13 = data.reward_delta;
if(!((typeof data13 == "number") && (isFinite(data13)))){
const err19 = {instancePath:instancePath+"/reward_delta",schemaPath:"#/properties/reward_delta/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.created_at !== undefined){
let data14 = data.created_at;
if(!((typeof data14 == "number") && (isFinite(data14)))){
const err20 = {instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
validate41.errors = vErrors;
return errors === 0;
}
validate41.evaluated = {"props":{"_schema":true,"record_type":true,"run_id":true,"iteration_num":true,"harness_snapshot_hash":true,"mean_reward":true,"reward_trajectory":true,"evolver_action":true,"cost_tokens":true,"parent_variant_hash":true,"child_variant_hash":true,"reward_delta":true,"created_at":true},"dynamicProps":false,"dynamicItems":false};

export const validateArchiveRunRecord = validate42;
const schema65 = {"title":"ArchiveRunRecord","description":"A line of <archive>/runs.jsonl: run_start (RunRecord.to_dict) or run_complete (clawloop/archive/jsonl_store.py).","oneOf":[{"title":"ArchiveRunStart","type":"object","required":["record_type","run_id","bench","created_at"],"properties":{"_schema":{"type":"integer","description":"Archive record format version (1)."},"record_type":{"const":"run_start"},"run_id":{"type":"string","minLength":1},"bench":{"type":"string","default":"unknown"},"domain_tags":{"type":"array","items":{"type":"string"}},"agent_config":{"type":"object","additionalProperties":true},"config_hash":{"type":"string"},"n_iterations":{"type":"integer","minimum":0},"best_reward":{"type":"number"},"improvement_delta":{"type":"number"},"total_cost_tokens":{"type":"integer","minimum":0},"parent_run_id":{"type":["string","null"]},"created_at":{"type":"number"},"completed_at":{"type":["number","null"]}}},{"title":"ArchiveRunComplete","type":"object","required":["record_type","run_id","completed_at"],"properties":{"_schema":{"type":"integer","description":"Archive record format version (1)."},"record_type":{"const":"run_complete"},"run_id":{"type":"string","minLength":1},"best_reward":{"type":"number"},"improvement_delta":{"type":"number"},"total_cost_tokens":{"type":"integer","minimum":0},"completed_at":{"type":"number"}}}]};

function validate42(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate42.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.record_type === undefined){
const err0 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "record_type"},message:"must have required property '"+"record_type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.run_id === undefined){
const err1 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "run_id"},message:"must have required property '"+"run_id"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.bench === undefined){
const err2 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "bench"},message:"must have required property '"+"bench"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.created_at === undefined){
const err3 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "created_at"},message:"must have required property '"+"created_at"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data._schema !== undefined){
let data0 = data._schema;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err4 = {instancePath:instancePath+"/_schema",schemaPath:"#/oneOf/0/properties/_schema/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.record_type !== undefined){
if("run_start" !== data.record_type){
const err5 = {instancePath:instancePath+"/record_type",schemaPath:"#/oneOf/0/properties/record_type/const",keyword:"const",params:{allowedValue: "run_start"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.run_id !== undefined){
let data2 = data.run_id;
if(typeof data2 === "string"){
if(func1(data2) < 1){
const err6 = {instancePath:instancePath+"/run_id",schemaPath:"#/oneOf/0/properties/run_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/run_id",schemaPath:"#/oneOf/0/properties/run_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.bench !== undefined){
if(typeof data.bench !== "string"){
const err8 = {instancePath:instancePath+"/bench",schemaPath:"#/oneOf/0/properties/bench/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.domain_tags !== undefined){
let data4 = data.domain_tags;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
if(typeof data4[i0] !== "string"){
const err9 = {instancePath:instancePath+"/domain_tags/" + i0,schemaPath:"#/oneOf/0/properties/domain_tags/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/domain_tags",schemaPath:"#/oneOf/0/properties/domain_tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.agent_config !== undefined){
let data6 = data.agent_config;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
}
else {
const err11 = {instancePath:instancePath+"/agent_config",schemaPath:"#/oneOf/0/properties/agent_config/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.config_hash !== undefined){
if(typeof data.config_hash !== "string"){
const err12 = {instancePath:instancePath+"/config_hash",schemaPath:"#/oneOf/0/properties/config_hash/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.n_iterations !== undefined){
let data8 = data.n_iterations;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err13 = {instancePath:instancePath+"/n_iterations",schemaPath:"#/oneOf/0/properties/n_iterations/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err14 = {instancePath:instancePath+"/n_iterations",schemaPath:"#/oneOf/0/properties/n_iterations/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
if(data.best_reward !== undefined){
let data9 = data.best_reward;
if(!((typeof data9 == "number") && (isFinite(data9)))){
const err15 = {instancePath:instancePath+"/best_reward",schemaPath:"#/oneOf/0/properties/best_reward/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.improvement_delta !== undefined){
let data10 = data.improvement_delta;
if(!((typeof data10 == "number") && (isFinite(data10)))){
const err16 = {instancePath:instancePath+"/improvement_delta",schemaPath:"#/oneOf/0/properties/improvement_delta/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.total_cost_tokens !== undefined){
let data11 = data.total_cost_tokens;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err17 = {instancePath:instancePath+"/total_cost_tokens",schemaPath:"#/oneOf/0/properties/total_cost_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 < 0 || isNaN(data11)){
const err18 = {instancePath:instancePath+"/total_cost_tokens",schemaPath:"#/oneOf/0/properties/total_cost_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
if(data.parent_run_id !== undefined){
let data12 = data.parent_run_id;
if((typeof data12 !== "string") && (data12 !== null)){
const err19 = {instancePath:instancePath+"/parent_run_id",schemaPath:"#/oneOf/0/properties/parent_run_id/type",keyword:"type",params:{type: schema65.oneOf[0].properties.parent_run_id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.created_at !== undefined){
let data13 = data.created_at;
if(!((typeof data13 == "number") && (isFinite(data13)))){
const err20 = {instancePath:instancePath+"/created_at",schemaPath:"#/oneOf/0/properties/created_at/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.completed_at !== undefined){
let data14 = data.completed_at;
if((!((typeof data14 == "number") && (isFinite(data14)))) && (data14 !== null)){
const err21 = {instancePath:instancePath+"/completed_at",schemaPath:"#/oneOf/0/properties/completed_at/type",keyword:"type",params:{type: schema65.oneOf[0].properties.completed_at.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
var props0 = {};
props0._schema = true;
props0.record_type = true;
props0.run_id = true;
props0.bench = true;
props0.domain_tags = true;
props0.agent_config = true;
props0.config_hash = true;
props0.n_iterations = true;
props0.best_reward = true;
props0.improvement_delta = true;
props0.total_cost_tokens = true;
props0.parent_run_id = true;
props0.created_at = true;
props0.completed_at = true;
}
const _errs33 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.record_type === undefined){
const err23 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "record_type"},message:"must have required property '"+"record_type"+"'"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data.run_id === undefined){
const err24 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "run_id"},message:"must have required property '"+"run_id"+"'"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data.completed_at === undefined){
const err25 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "completed_at"},message:"must have required property '"+"completed_at"+"'"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data._schema !== undefined){
let data15 = data._schema;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
const err26 = {instancePath:instancePath+"/_schema",schemaPath:"#/oneOf/1/properties/_schema/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.record_type !== undefined){
if("run_complete" !== data.record_type){
const err27 = {instancePath:instancePath+"/record_type",schemaPath:"#/oneOf/1/properties/record_type/const",keyword:"const",params:{allowedValue: "run_complete"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.run_id !== undefined){
let data17 = data.run_id;
if(typeof data17 === "string"){
if(func1(data17) < 1){
const err28 = {instancePath:instancePath+"/run_id",schemaPath:"#/oneOf/1/properties/run_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/run_id",schemaPath:"#/oneOf/1/properties/run_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.best_reward !== undefined){
let data18 = data.best_reward;
if(!((typeof data18 == "number") && (isFinite(data18)))){
const err30 = {instancePath:instancePath+"/best_reward",schemaPath:"#/oneOf/1/properties/best_reward/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.improvement_delta !== undefined){
let data19 = data.improvement_delta;
if(!((typeof data19 == "number") && (isFinite(data19)))){
const err31 = {instancePath:instancePath+"/improvement_delta",schemaPath:"#/oneOf/1/properties/improvement_delta/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.total_cost_tokens !== undefined){
let data20 = data.total_cost_tokens;
if(!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))){
const err32 = {instancePath:instancePath+"/total_cost_tokens",schemaPath:"#/oneOf/1/properties/total_cost_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if((typeof data20 == "number") && (isFinite(data20))){
if(data20 < 0 || isNaN(data20)){
const err33 = {instancePath:instancePath+"/total_cost_tokens",schemaPath:"#/oneOf/1/properties/total_cost_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
if(data.completed_at !== undefined){
let data21 = data.completed_at;
if(!((typeof data21 == "number") && (isFinite(data21)))){
const err34 = {instancePath:instancePath+"/completed_at",schemaPath:"#/oneOf/1/properties/completed_at/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
var _valid0 = _errs33 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
if(props0 !== true){
props0 = props0 || {};
props0._schema = true;
props0.record_type = true;
props0.run_id = true;
props0.best_reward = true;
props0.improvement_delta = true;
props0.total_cost_tokens = true;
props0.completed_at = true;
}
}
}
if(!valid0){
const err36 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate42.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate42.evaluated = {"dynamicProps":true,"dynamicItems":false};

export const validateArchiveVariantRecord = validate43;
const schema66 = {"title":"ArchiveVariantRecord","description":"A line of <archive>/variants.jsonl (clawloop/archive/schema.py AgentVariant.to_dict): the agent config a variant hash stands for. playbook_snapshot is {} when the harness is not ClawLoop's Harness (core/archive_recorder.py).","type":"object","required":["record_type","variant_hash"],"properties":{"_schema":{"type":"integer","description":"Archive record format version (1)."},"record_type":{"const":"variant"},"variant_hash":{"type":"string","minLength":1},"system_prompt":{"type":"string"},"playbook_snapshot":{"anyOf":[{"$ref":"#/$defs/Playbook"},{"type":"object","maxProperties":0}],"description":"Playbook.to_dict(), or {} without a Harness."},"model":{"type":"string"},"tools":{"type":"array","items":{"type":"string"}},"first_seen_run_id":{"type":"string"},"created_at":{"type":"number"}}};

function validate43(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate43.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.record_type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "record_type"},message:"must have required property '"+"record_type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.variant_hash === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "variant_hash"},message:"must have required property '"+"variant_hash"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data._schema !== undefined){
let data0 = data._schema;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err2 = {instancePath:instancePath+"/_schema",schemaPath:"#/properties/_schema/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.record_type !== undefined){
if("variant" !== data.record_type){
const err3 = {instancePath:instancePath+"/record_type",schemaPath:"#/properties/record_type/const",keyword:"const",params:{allowedValue: "variant"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.variant_hash !== undefined){
let data2 = data.variant_hash;
if(typeof data2 === "string"){
if(func1(data2) < 1){
const err4 = {instancePath:instancePath+"/variant_hash",schemaPath:"#/properties/variant_hash/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/variant_hash",schemaPath:"#/properties/variant_hash/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.system_prompt !== undefined){
if(typeof data.system_prompt !== "string"){
const err6 = {instancePath:instancePath+"/system_prompt",schemaPath:"#/properties/system_prompt/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.playbook_snapshot !== undefined){
let data4 = data.playbook_snapshot;
const _errs9 = errors;
let valid1 = false;
const _errs10 = errors;
if(!(validate36(data4, {instancePath:instancePath+"/playbook_snapshot",parentData:data,parentDataProperty:"playbook_snapshot",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
errors = vErrors.length;
}
var _valid0 = _errs10 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
var props0 = {};
props0.entries = true;
}
const _errs11 = errors;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(Object.keys(data4).length > 0){
const err7 = {instancePath:instancePath+"/playbook_snapshot",schemaPath:"#/properties/playbook_snapshot/anyOf/1/maxProperties",keyword:"maxProperties",params:{limit: 0},message:"must NOT have more than 0 properties"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/playbook_snapshot",schemaPath:"#/properties/playbook_snapshot/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid0 = _errs11 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err9 = {instancePath:instancePath+"/playbook_snapshot",schemaPath:"#/properties/playbook_snapshot/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
}
if(data.model !== undefined){
if(typeof data.model !== "string"){
const err10 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.tools !== undefined){
let data6 = data.tools;
if(Array.isArray(data6)){
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
if(typeof data6[i0] !== "string"){
const err11 = {instancePath:instancePath+"/tools/" + i0,schemaPath:"#/properties/tools/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.first_seen_run_id !== undefined){
if(typeof data.first_seen_run_id !== "string"){
const err13 = {instancePath:instancePath+"/first_seen_run_id",schemaPath:"#/properties/first_seen_run_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.created_at !== undefined){
let data9 = data.created_at;
if(!((typeof data9 == "number") && (isFinite(data9)))){
const err14 = {instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate43.errors = vErrors;
return errors === 0;
}
validate43.evaluated = {"props":{"_schema":true,"record_type":true,"variant_hash":true,"system_prompt":true,"playbook_snapshot":true,"model":true,"tools":true,"first_seen_run_id":true,"created_at":true},"dynamicProps":false,"dynamicItems":false};

export const validateCallbackLine = validate45;
const schema67 = {"title":"CallbackLine","description":"One line per iteration as an after_iteration(iteration, agent_state, episodes) callback sees it: state hashes, full playbook and full episodes (the sample's episodes.ndjson).","type":"object","required":["iteration","episodes"],"properties":{"iteration":{"type":"integer","minimum":0},"state_id":{"$ref":"#/$defs/StateID"},"playbook":{"$ref":"#/$defs/Playbook"},"playbook_version":{"type":"integer","minimum":0},"playbook_generation":{"type":"integer","minimum":0},"effective_scores":{"type":"object","additionalProperties":{"type":"number"}},"episodes":{"type":"array","items":{"$ref":"#/$defs/Episode"},"default":[]}}};

function validate45(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate45.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.iteration === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "iteration"},message:"must have required property '"+"iteration"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.episodes === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "episodes"},message:"must have required property '"+"episodes"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.iteration !== undefined){
let data0 = data.iteration;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err2 = {instancePath:instancePath+"/iteration",schemaPath:"#/properties/iteration/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
const err3 = {instancePath:instancePath+"/iteration",schemaPath:"#/properties/iteration/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
if(data.state_id !== undefined){
let data1 = data.state_id;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.harness_hash === undefined){
const err4 = {instancePath:instancePath+"/state_id",schemaPath:"#/$defs/StateID/required",keyword:"required",params:{missingProperty: "harness_hash"},message:"must have required property '"+"harness_hash"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data1.router_hash === undefined){
const err5 = {instancePath:instancePath+"/state_id",schemaPath:"#/$defs/StateID/required",keyword:"required",params:{missingProperty: "router_hash"},message:"must have required property '"+"router_hash"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data1.weights_hash === undefined){
const err6 = {instancePath:instancePath+"/state_id",schemaPath:"#/$defs/StateID/required",keyword:"required",params:{missingProperty: "weights_hash"},message:"must have required property '"+"weights_hash"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data1.combined_hash === undefined){
const err7 = {instancePath:instancePath+"/state_id",schemaPath:"#/$defs/StateID/required",keyword:"required",params:{missingProperty: "combined_hash"},message:"must have required property '"+"combined_hash"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data1.harness_hash !== undefined){
let data2 = data1.harness_hash;
if(typeof data2 === "string"){
if(func1(data2) < 1){
const err8 = {instancePath:instancePath+"/state_id/harness_hash",schemaPath:"#/$defs/StateID/properties/harness_hash/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/state_id/harness_hash",schemaPath:"#/$defs/StateID/properties/harness_hash/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data1.router_hash !== undefined){
let data3 = data1.router_hash;
if(typeof data3 === "string"){
if(func1(data3) < 1){
const err10 = {instancePath:instancePath+"/state_id/router_hash",schemaPath:"#/$defs/StateID/properties/router_hash/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/state_id/router_hash",schemaPath:"#/$defs/StateID/properties/router_hash/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data1.weights_hash !== undefined){
let data4 = data1.weights_hash;
if(typeof data4 === "string"){
if(func1(data4) < 1){
const err12 = {instancePath:instancePath+"/state_id/weights_hash",schemaPath:"#/$defs/StateID/properties/weights_hash/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/state_id/weights_hash",schemaPath:"#/$defs/StateID/properties/weights_hash/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data1.combined_hash !== undefined){
let data5 = data1.combined_hash;
if(typeof data5 === "string"){
if(func1(data5) < 1){
const err14 = {instancePath:instancePath+"/state_id/combined_hash",schemaPath:"#/$defs/StateID/properties/combined_hash/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/state_id/combined_hash",schemaPath:"#/$defs/StateID/properties/combined_hash/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data1.created_at !== undefined){
let data6 = data1.created_at;
if(!((typeof data6 == "number") && (isFinite(data6)))){
const err16 = {instancePath:instancePath+"/state_id/created_at",schemaPath:"#/$defs/StateID/properties/created_at/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/state_id",schemaPath:"#/$defs/StateID/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.playbook !== undefined){
if(!(validate36(data.playbook, {instancePath:instancePath+"/playbook",parentData:data,parentDataProperty:"playbook",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
errors = vErrors.length;
}
}
if(data.playbook_version !== undefined){
let data8 = data.playbook_version;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err18 = {instancePath:instancePath+"/playbook_version",schemaPath:"#/properties/playbook_version/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err19 = {instancePath:instancePath+"/playbook_version",schemaPath:"#/properties/playbook_version/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
if(data.playbook_generation !== undefined){
let data9 = data.playbook_generation;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err20 = {instancePath:instancePath+"/playbook_generation",schemaPath:"#/properties/playbook_generation/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 0 || isNaN(data9)){
const err21 = {instancePath:instancePath+"/playbook_generation",schemaPath:"#/properties/playbook_generation/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
if(data.effective_scores !== undefined){
let data10 = data.effective_scores;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key0 in data10){
let data11 = data10[key0];
if(!((typeof data11 == "number") && (isFinite(data11)))){
const err22 = {instancePath:instancePath+"/effective_scores/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/effective_scores/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/effective_scores",schemaPath:"#/properties/effective_scores/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.episodes !== undefined){
let data12 = data.episodes;
if(Array.isArray(data12)){
const len0 = data12.length;
for(let i0=0; i0<len0; i0++){
if(!(validate22(data12[i0], {instancePath:instancePath+"/episodes/" + i0,parentData:data12,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
}
else {
const err24 = {instancePath:instancePath+"/episodes",schemaPath:"#/properties/episodes/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
validate45.errors = vErrors;
return errors === 0;
}
validate45.evaluated = {"props":{"iteration":true,"state_id":true,"playbook":true,"playbook_version":true,"playbook_generation":true,"effective_scores":true,"episodes":true},"dynamicProps":false,"dynamicItems":false};

export const validateEvolutionLine = validate48;
const schema69 = {"title":"EvolutionLine","description":"One line of <output_dir>/evolution.jsonl (clawloop/core/evolution_log.py EvolutionEntry.to_dict).","type":"object","required":["iteration","timestamp"],"properties":{"iteration":{"type":"integer","minimum":0},"timestamp":{"type":"number"},"state_hash_before":{"type":"string"},"state_hash_after":{"type":"string"},"actions":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/EvolutionAction"}},"reward_before":{"type":"number"},"reward_after":{"type":"number"},"reward_delta":{"type":"number"},"backend":{"type":"string"}}};

function validate48(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate48.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.iteration === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "iteration"},message:"must have required property '"+"iteration"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.timestamp === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "timestamp"},message:"must have required property '"+"timestamp"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.iteration !== undefined){
let data0 = data.iteration;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err2 = {instancePath:instancePath+"/iteration",schemaPath:"#/properties/iteration/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
const err3 = {instancePath:instancePath+"/iteration",schemaPath:"#/properties/iteration/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
if(data.timestamp !== undefined){
let data1 = data.timestamp;
if(!((typeof data1 == "number") && (isFinite(data1)))){
const err4 = {instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.state_hash_before !== undefined){
if(typeof data.state_hash_before !== "string"){
const err5 = {instancePath:instancePath+"/state_hash_before",schemaPath:"#/properties/state_hash_before/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.state_hash_after !== undefined){
if(typeof data.state_hash_after !== "string"){
const err6 = {instancePath:instancePath+"/state_hash_after",schemaPath:"#/properties/state_hash_after/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.actions !== undefined){
let data4 = data.actions;
if(Array.isArray(data4)){
if(data4.length < 1){
const err7 = {instancePath:instancePath+"/actions",schemaPath:"#/properties/actions/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
if(typeof data4[i0] !== "string"){
const err8 = {instancePath:instancePath+"/actions/" + i0,schemaPath:"#/$defs/EvolutionAction/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/actions",schemaPath:"#/properties/actions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.reward_before !== undefined){
let data6 = data.reward_before;
if(!((typeof data6 == "number") && (isFinite(data6)))){
const err10 = {instancePath:instancePath+"/reward_before",schemaPath:"#/properties/reward_before/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.reward_after !== undefined){
let data7 = data.reward_after;
if(!((typeof data7 == "number") && (isFinite(data7)))){
const err11 = {instancePath:instancePath+"/reward_after",schemaPath:"#/properties/reward_after/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.reward_delta !== undefined){
let data8 = data.reward_delta;
if(!((typeof data8 == "number") && (isFinite(data8)))){
const err12 = {instancePath:instancePath+"/reward_delta",schemaPath:"#/properties/reward_delta/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.backend !== undefined){
if(typeof data.backend !== "string"){
const err13 = {instancePath:instancePath+"/backend",schemaPath:"#/properties/backend/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate48.errors = vErrors;
return errors === 0;
}
validate48.evaluated = {"props":{"iteration":true,"timestamp":true,"state_hash_before":true,"state_hash_after":true,"actions":true,"reward_before":true,"reward_after":true,"reward_delta":true,"backend":true},"dynamicProps":false,"dynamicItems":false};

export const validateExperimentLine = validate49;
const schema71 = {"title":"ExperimentLine","description":"One line of <output_dir>/experiment.jsonl (clawloop/core/loop.py ExperimentLog.log_iteration; before 2026-04-19 per_task entries held only reward, signals and error).","type":"object","required":["iteration","timestamp"],"properties":{"iteration":{"type":"integer","minimum":0},"timestamp":{"type":"number"},"n_episodes":{"type":"integer","minimum":0},"avg_reward":{"type":"number"},"min_reward":{"type":"number"},"max_reward":{"type":"number"},"per_task":{"type":"object","additionalProperties":{"$ref":"#/$defs/TaskStats"}},"fb_results":{"$ref":"#/$defs/FbResults"},"playbook_size":{"type":"integer","minimum":0},"playbook_entries":{"type":"array","items":{"$ref":"#/$defs/PlaybookEntrySummary"}},"tinker_checkpoints":{"type":"array"},"tinker_model_id":{"type":["string","null"]},"tinker_durable_paths":{"type":"array","items":{"type":"string"}}}};

function validate49(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate49.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.iteration === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "iteration"},message:"must have required property '"+"iteration"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.timestamp === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "timestamp"},message:"must have required property '"+"timestamp"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.iteration !== undefined){
let data0 = data.iteration;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err2 = {instancePath:instancePath+"/iteration",schemaPath:"#/properties/iteration/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
const err3 = {instancePath:instancePath+"/iteration",schemaPath:"#/properties/iteration/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
if(data.timestamp !== undefined){
let data1 = data.timestamp;
if(!((typeof data1 == "number") && (isFinite(data1)))){
const err4 = {instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.n_episodes !== undefined){
let data2 = data.n_episodes;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err5 = {instancePath:instancePath+"/n_episodes",schemaPath:"#/properties/n_episodes/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err6 = {instancePath:instancePath+"/n_episodes",schemaPath:"#/properties/n_episodes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
if(data.avg_reward !== undefined){
let data3 = data.avg_reward;
if(!((typeof data3 == "number") && (isFinite(data3)))){
const err7 = {instancePath:instancePath+"/avg_reward",schemaPath:"#/properties/avg_reward/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.min_reward !== undefined){
let data4 = data.min_reward;
if(!((typeof data4 == "number") && (isFinite(data4)))){
const err8 = {instancePath:instancePath+"/min_reward",schemaPath:"#/properties/min_reward/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.max_reward !== undefined){
let data5 = data.max_reward;
if(!((typeof data5 == "number") && (isFinite(data5)))){
const err9 = {instancePath:instancePath+"/max_reward",schemaPath:"#/properties/max_reward/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.per_task !== undefined){
let data6 = data.per_task;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key0 in data6){
if(!(validate30(data6[key0], {instancePath:instancePath+"/per_task/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data6,parentDataProperty:key0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
errors = vErrors.length;
}
}
}
else {
const err10 = {instancePath:instancePath+"/per_task",schemaPath:"#/properties/per_task/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.fb_results !== undefined){
if(!(validate34(data.fb_results, {instancePath:instancePath+"/fb_results",parentData:data,parentDataProperty:"fb_results",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
if(data.playbook_size !== undefined){
let data9 = data.playbook_size;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err11 = {instancePath:instancePath+"/playbook_size",schemaPath:"#/properties/playbook_size/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 0 || isNaN(data9)){
const err12 = {instancePath:instancePath+"/playbook_size",schemaPath:"#/properties/playbook_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.playbook_entries !== undefined){
let data10 = data.playbook_entries;
if(Array.isArray(data10)){
const len0 = data10.length;
for(let i0=0; i0<len0; i0++){
let data11 = data10[i0];
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(data11.id === undefined){
const err13 = {instancePath:instancePath+"/playbook_entries/" + i0,schemaPath:"#/$defs/PlaybookEntrySummary/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data11.content === undefined){
const err14 = {instancePath:instancePath+"/playbook_entries/" + i0,schemaPath:"#/$defs/PlaybookEntrySummary/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data11.helpful === undefined){
const err15 = {instancePath:instancePath+"/playbook_entries/" + i0,schemaPath:"#/$defs/PlaybookEntrySummary/required",keyword:"required",params:{missingProperty: "helpful"},message:"must have required property '"+"helpful"+"'"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data11.harmful === undefined){
const err16 = {instancePath:instancePath+"/playbook_entries/" + i0,schemaPath:"#/$defs/PlaybookEntrySummary/required",keyword:"required",params:{missingProperty: "harmful"},message:"must have required property '"+"harmful"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data11.tags === undefined){
const err17 = {instancePath:instancePath+"/playbook_entries/" + i0,schemaPath:"#/$defs/PlaybookEntrySummary/required",keyword:"required",params:{missingProperty: "tags"},message:"must have required property '"+"tags"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data11.id !== undefined){
let data12 = data11.id;
if(typeof data12 === "string"){
if(func1(data12) < 1){
const err18 = {instancePath:instancePath+"/playbook_entries/" + i0+"/id",schemaPath:"#/$defs/PlaybookEntrySummary/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/playbook_entries/" + i0+"/id",schemaPath:"#/$defs/PlaybookEntrySummary/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data11.content !== undefined){
if(typeof data11.content !== "string"){
const err20 = {instancePath:instancePath+"/playbook_entries/" + i0+"/content",schemaPath:"#/$defs/PlaybookEntrySummary/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data11.helpful !== undefined){
let data14 = data11.helpful;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err21 = {instancePath:instancePath+"/playbook_entries/" + i0+"/helpful",schemaPath:"#/$defs/PlaybookEntrySummary/properties/helpful/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 < 0 || isNaN(data14)){
const err22 = {instancePath:instancePath+"/playbook_entries/" + i0+"/helpful",schemaPath:"#/$defs/PlaybookEntrySummary/properties/helpful/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
if(data11.harmful !== undefined){
let data15 = data11.harmful;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
const err23 = {instancePath:instancePath+"/playbook_entries/" + i0+"/harmful",schemaPath:"#/$defs/PlaybookEntrySummary/properties/harmful/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 < 0 || isNaN(data15)){
const err24 = {instancePath:instancePath+"/playbook_entries/" + i0+"/harmful",schemaPath:"#/$defs/PlaybookEntrySummary/properties/harmful/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
if(data11.tags !== undefined){
let data16 = data11.tags;
if(Array.isArray(data16)){
const len1 = data16.length;
for(let i1=0; i1<len1; i1++){
if(typeof data16[i1] !== "string"){
const err25 = {instancePath:instancePath+"/playbook_entries/" + i0+"/tags/" + i1,schemaPath:"#/$defs/PlaybookEntrySummary/properties/tags/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/playbook_entries/" + i0+"/tags",schemaPath:"#/$defs/PlaybookEntrySummary/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/playbook_entries/" + i0,schemaPath:"#/$defs/PlaybookEntrySummary/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/playbook_entries",schemaPath:"#/properties/playbook_entries/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.tinker_checkpoints !== undefined){
if(!(Array.isArray(data.tinker_checkpoints))){
const err29 = {instancePath:instancePath+"/tinker_checkpoints",schemaPath:"#/properties/tinker_checkpoints/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.tinker_model_id !== undefined){
let data19 = data.tinker_model_id;
if((typeof data19 !== "string") && (data19 !== null)){
const err30 = {instancePath:instancePath+"/tinker_model_id",schemaPath:"#/properties/tinker_model_id/type",keyword:"type",params:{type: schema71.properties.tinker_model_id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.tinker_durable_paths !== undefined){
let data20 = data.tinker_durable_paths;
if(Array.isArray(data20)){
const len2 = data20.length;
for(let i2=0; i2<len2; i2++){
if(typeof data20[i2] !== "string"){
const err31 = {instancePath:instancePath+"/tinker_durable_paths/" + i2,schemaPath:"#/properties/tinker_durable_paths/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/tinker_durable_paths",schemaPath:"#/properties/tinker_durable_paths/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
validate49.errors = vErrors;
return errors === 0;
}
validate49.evaluated = {"props":{"iteration":true,"timestamp":true,"n_episodes":true,"avg_reward":true,"min_reward":true,"max_reward":true,"per_task":true,"fb_results":true,"playbook_size":true,"playbook_entries":true,"tinker_checkpoints":true,"tinker_model_id":true,"tinker_durable_paths":true},"dynamicProps":false,"dynamicItems":false};

