// An independent OPC UA client (node-opcua) driving the Galvani gateway: browse, read, subscribe, a
// refused out-of-range Arm, a full treatment, and a detach seen as an event and as ContactOk=false.
// Run by NodeOpcuaInteropTest, which starts the gateway and detaches the electrode when told to.
// Every step prints one JSON line on stdout; the test checks them. Implements SRS-OPC-032.
import fs from "node:fs";
import readline from "node:readline";
import {
  AttributeIds, DataType, MessageSecurityMode, OPCUAClient, SecurityPolicy, TimestampsToReturn, UserTokenType,
  constructEventFilter,
} from "node-opcua-client";
import { OPCUACertificateManager } from "node-opcua-certificate-manager";

const [endpoint, user, password, certificateFile, privateKeyFile, serverCertificate, pkiDir] = process.argv.slice(2);
const report = (step, data) => console.log(JSON.stringify({ step, ...data }));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const stdin = readline.createInterface({ input: process.stdin });
const nextLine = () => new Promise((resolve) => stdin.once("line", resolve));

const certificates = new OPCUACertificateManager({ rootFolder: pkiDir, automaticallyAcceptUnknownCertificate: false });
await certificates.initialize();
await certificates.trustCertificate(fs.readFileSync(serverCertificate));

const client = OPCUAClient.create({
  applicationName: "galvani-node-interop",
  applicationUri: "urn:galvani:node-interop",
  securityMode: MessageSecurityMode.SignAndEncrypt,
  securityPolicy: SecurityPolicy.Basic256Sha256,
  certificateFile,
  privateKeyFile,
  clientCertificateManager: certificates,
  endpointMustExist: false,
  connectionStrategy: { maxRetry: 3, initialDelay: 200, maxDelay: 1000 },
});
await client.connect(endpoint);
const session = await client.createSession({ type: UserTokenType.UserName, userName: user, password });
report("connected", { securityMode: MessageSecurityMode[client.securityMode], policy: client.securityPolicy });

const ns = (await session.readNamespaceArray()).indexOf("urn:galvani:device");
const id = (path) => `ns=${ns};s=${path}`;
const names = async (nodeId) => (await session.browse(nodeId)).references.map((r) => r.browseName.name);
report("browse", { objects: await names("ns=0;i=85"), devices: await names(id("Devices")),
  device: await names(id("Devices/ch01")) });

const read = async (device, name) => (await session.read({ nodeId: id(`Devices/${device}/${name}`),
  attributeId: AttributeIds.Value })).value.value;
const variables = ["State", "Setpoint", "OutputCurrent", "Impedance", "DeliveredDose", "PrescribedDose",
  "ContactOk", "Fault", "TreatmentId"];
const values = {};
for (const name of variables) {
  values[name] = await read("ch01", name);
}
report("read", { values });

const subscription = await session.createSubscription2({ requestedPublishingInterval: 100,
  requestedLifetimeCount: 600, requestedMaxKeepAliveCount: 20, maxNotificationsPerPublish: 0,
  publishingEnabled: true, priority: 1 });
let notifications = 0;
const states = [];
for (const name of variables) {
  const item = await subscription.monitor({ nodeId: id(`Devices/ch01/${name}`), attributeId: AttributeIds.Value },
    { samplingInterval: 100, queueSize: 10, discardOldest: true }, TimestampsToReturn.Neither);
  item.on("changed", (dataValue) => {
    notifications++;
    if (name === "State") states.push(dataValue.value.value);
  });
}
const events = [];
const eventItem = await subscription.monitor({ nodeId: id("Devices/ch02"), attributeId: AttributeIds.EventNotifier },
  { samplingInterval: 0, queueSize: 1000, discardOldest: true,
    filter: constructEventFilter(["SourceName", "Message", "Severity"]) }, TimestampsToReturn.Neither);
eventItem.on("changed", (fields) => events.push({ source: fields[0].value, message: fields[1].value.text,
  severity: fields[2].value }));

const call = async (device, method, inputs = []) => {
  const result = await session.call({ objectId: id(`Devices/${device}`), methodId: id(`Devices/${device}/${method}`),
    inputArguments: inputs });
  return { status: result.statusCode.name, outcome: result.outputArguments?.[0]?.value ?? null };
};
const arm = (device, mA, mAmin, cm2) => call(device, "Arm", [
  { dataType: DataType.String, value: "dexamethasone-sodium-phosphate" }, { dataType: DataType.Double, value: mA },
  { dataType: DataType.Double, value: mAmin }, { dataType: DataType.Double, value: cm2 }]);
const startWhenContactConfirmed = async (device) => {
  let start = await call(device, "Start");
  for (let i = 0; i < 200 && start.status !== "Good"; i++) {
    await sleep(50);
    start = await call(device, "Start");
  }
  return start;
};
const awaitValue = async (device, name, wanted, millis = 20000) => {
  const deadline = Date.now() + millis;
  let value = await read(device, name);
  while (value !== wanted && Date.now() < deadline) {
    await sleep(50);
    value = await read(device, name);
  }
  return value;
};

report("refused-arm", await arm("ch01", 50.0, 1.0, 200.0));

const armed = await arm("ch01", 1.0, 0.06, 10.0);
const started = await startWhenContactConfirmed("ch01");
const finalState = await awaitValue("ch01", "State", "COMPLETE");
await sleep(400);
report("treatment", { arm: armed, start: started, finalState, delivered: await read("ch01", "DeliveredDose"),
  statesSeen: [...new Set(states)], notifications });

report("detach-arm", await arm("ch02", 1.0, 0.5, 10.0));
report("detach-start", await startWhenContactConfirmed("ch02"));
report("detach-ready", { state: await awaitValue("ch02", "State", "DELIVERING") });
await nextLine();
const contactOk = await awaitValue("ch02", "ContactOk", false);
const deadline = Date.now() + 20000;
while (!events.some((e) => e.message.startsWith("contact lost")) && Date.now() < deadline) {
  await sleep(50);
}
report("detach", { contactOk, state: await read("ch02", "State"),
  event: events.find((e) => e.message.startsWith("contact lost")) ?? null });
report("stop", await call("ch02", "Stop"));

await subscription.terminate();
await session.close();
await client.disconnect();
stdin.close();
report("done", {});
