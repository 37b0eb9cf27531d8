// check-png.js FILE: exits non-zero unless FILE is a PNG whose first chunk is a well-formed
// IHDR with a size a map can have (check-exports.sh, on export --format png).
"use strict";
const fs = require("fs");
const zlib = require("zlib");

const file = process.argv[2];
const b = fs.readFileSync(file);
const fail = (why) => { console.error(`check-png: ${file}: ${why}`); process.exit(1); };
const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
if (b.length < 33 || !b.subarray(0, 8).equals(signature)) fail("no PNG signature");
if (b.readUInt32BE(8) !== 13 || b.toString("latin1", 12, 16) !== "IHDR") fail("the first chunk is not IHDR");
const crc = zlib.crc32(b.subarray(12, 29));
if (crc !== b.readUInt32BE(29)) fail("IHDR's CRC does not match");
const w = b.readUInt32BE(16), h = b.readUInt32BE(20);
if (w < 50 || h < 50 || w > 20000 || h > 20000) fail(`implausible size ${w}x${h}`);
if (b.toString("latin1", b.length - 8, b.length - 4) !== "IEND") fail("it does not end with IEND");
console.log(`check-png: ${file}: PNG ${w}x${h}, ${b.length} bytes`);
