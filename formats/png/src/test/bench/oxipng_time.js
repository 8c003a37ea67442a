// Measuring tool, not part of the build: oxipng (through @napi-rs/image, as /work/shared/peers/napi_encode.js
// runs it: strip + force) timed in-process per file, warm, with wall and process CPU time.
// Usage: node oxipng_time.js FILES... (PEERS_HOME as for napi_encode.js)
const fs = require('fs'); const path = require('path');
const img = require(path.join(process.env.PEERS_HOME || require('os').homedir() + '/.cache/squeeze-peers', 'node_modules', '@napi-rs', 'image'));
let tin=0,tout=0,tms=0,tcpu=0;
for (const f of process.argv.slice(2)) {
  const src = fs.readFileSync(f);
  img.losslessCompressPngSync(src, { strip: true, force: true }); // warm
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const out = img.losslessCompressPngSync(src, { strip: true, force: true });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0); const cpu = (c.user + c.system) / 1000;
  tin+=src.length; tout+=out.length; tms+=ms; tcpu+=cpu;
  console.log(`${path.basename(f)} in ${src.length} out ${out.length} ${ms.toFixed(0)} ms cpu ${cpu.toFixed(0)} ms`);
}
console.log(`TOTAL in ${tin} out ${tout} time ${tms.toFixed(0)} ms cpu ${tcpu.toFixed(0)} ms`);
