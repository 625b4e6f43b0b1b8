// Holdout8: draws the generator's drawing lists with PDFKit or pdf-lib (Node.js).
// Math.random is replaced by a seeded generator (font subset tags), dates are fixed.
'use strict';
const fs = require('fs');

function mulberry(seedStr) {
  let a = 0;
  for (const ch of seedStr) a = (Math.imul(a ^ ch.charCodeAt(0), 2654435761) + 7) >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));

async function pdfkitDoc(d) {
  const PDFDocument = require('pdfkit');
  const date = new Date(d.meta.date || '2026-11-20T09:00:00Z');
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    compress: true,
    info: {
      Title: d.meta.title || '', Author: d.meta.author || '', Creator: d.meta.creator || '',
      CreationDate: date, ModDate: date,
    },
  });
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((res) => doc.on('end', res));
  for (const [k, p] of Object.entries(d.fonts)) doc.registerFont(k, p);
  for (const ops of d.pages) {
    doc.addPage({ size: [d.w, d.h], margin: 0 });
    for (const op of ops) {
      if (op[0] === 'rect') {
        const [, x, y, w, h, stroke, fill, width] = op;
        doc.save().lineWidth(width).rect(x, y, w, h);
        if (stroke && fill) doc.fillColor(fill.map((v) => v * 255)).strokeColor(stroke.map((v) => v * 255)).fillAndStroke();
        else if (fill) doc.fillColor(fill.map((v) => v * 255)).fill();
        else doc.strokeColor(stroke.map((v) => v * 255)).stroke();
        doc.restore();
      } else if (op[0] === 'line') {
        const [, x1, y1, x2, y2, width, rgb] = op;
        doc.save().lineWidth(width).strokeColor(rgb.map((v) => v * 255)).moveTo(x1, y1).lineTo(x2, y2).stroke().restore();
      } else {
        const [, x, y, s, font, size, rgb] = op;
        doc.font(font).fontSize(size).fillColor(rgb.map((v) => v * 255))
          .text(s, x, y, { lineBreak: false, baseline: 'alphabetic' });
      }
    }
  }
  doc.end();
  await done;
  fs.writeFileSync(d.out, Buffer.concat(chunks));
}

async function pdflibDoc(d) {
  const { PDFDocument, rgb } = require('pdf-lib');
  const fontkit = require('@pdf-lib/fontkit');
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const date = new Date(d.meta.date || '2026-11-20T09:00:00Z');
  pdf.setTitle(d.meta.title || '');
  pdf.setAuthor(d.meta.author || '');
  pdf.setCreator(d.meta.creator || '');
  pdf.setProducer('pdf-lib (https://github.com/Hopding/pdf-lib)');
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  const fonts = {};
  for (const [k, p] of Object.entries(d.fonts)) fonts[k] = await pdf.embedFont(fs.readFileSync(p), { subset: true });
  const col = (c) => rgb(c[0], c[1], c[2]);
  for (const ops of d.pages) {
    const page = pdf.addPage([d.w, d.h]);
    const H = d.h;
    for (const op of ops) {
      if (op[0] === 'rect') {
        const [, x, y, w, h, stroke, fill, width] = op;
        const o = { x, y: H - y - h, width: w, height: h };
        if (fill) o.color = col(fill);
        if (stroke) { o.borderColor = col(stroke); o.borderWidth = width; }
        page.drawRectangle(o);
      } else if (op[0] === 'line') {
        const [, x1, y1, x2, y2, width, c] = op;
        page.drawLine({ start: { x: x1, y: H - y1 }, end: { x: x2, y: H - y2 }, thickness: width, color: col(c) });
      } else {
        const [, x, y, s, font, size, c] = op;
        page.drawText(s, { x, y: H - y, size, font: fonts[font], color: col(c) });
      }
    }
  }
  fs.writeFileSync(d.out, await pdf.save({ useObjectStreams: true }));
}

(async () => {
  for (const d of job.docs) {
    Math.random = mulberry(job.seed + ':' + d.out.split('/').pop());
    if (job.backend === 'pdfkit') await pdfkitDoc(d);
    else await pdflibDoc(d);
  }
})().catch((e) => { console.error(e); process.exit(1); });
