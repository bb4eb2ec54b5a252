import { readFileSync, readdirSync } from 'node:fs';
import validate from '/work/main/src/generated/host-snapshot-validator.ts';
const dir='/tmp/benchdir/hypervisors/hosts';
const texts=readdirSync(dir).map(f=>readFileSync(dir+'/'+f,'utf8'));
function spanOf(t:string){const a=t.indexOf('"cpuTopology"'); const s=t.indexOf('[',a); const e=t.indexOf(']',s); return [s,e+1];}
for (let round=0;round<5;round++){
 let t0=performance.now(); const full=texts.map(t=>JSON.parse(t)); let t1=performance.now();
 const rest=texts.map(t=>{const [s,e]=spanOf(t); return t.slice(0,s)+'"\\u0000"'+t.slice(e);});
 let t2=performance.now(); const parts=rest.map(t=>JSON.parse(t)); let t3=performance.now();
 for(const d of full) validate(d); let t4=performance.now();
 for(const d of parts) {d.cpuTopology=undefined; validate(d);} let t5=performance.now();
 console.log(`parse full ${(t1-t0).toFixed(0)} split ${(t2-t1).toFixed(0)} parse rest ${(t3-t2).toFixed(0)} validate full ${(t4-t3).toFixed(0)} rest ${(t5-t4).toFixed(0)}`);
}
