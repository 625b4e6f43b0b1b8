// holdout9: jsPDF back-end. Reads drawing lists (TSV, see h9_draw.py) and writes PDFs.
// usage: node h9_jspdf.js jobs.txt   (each line: <list.tsv>\t<out.pdf>)
// NODE_PATH must point to a node_modules holding jspdf 2.5.2.
const fs = require('fs');
const { jsPDF } = require('jspdf');

function rgb(s) { return s.split(',').map(Number); }

function build(listPath, outPath) {
  const lines = fs.readFileSync(listPath, 'utf8').split('\n').filter(l => l.length);
  let doc = null; const fonts = {}; let pages = 0; let meta = {};
  for (const line of lines) {
    const f = line.split('\t');
    if (f[0] === 'F') { fonts[f[1]] = f[2]; continue; }
    if (f[0] === 'M') { meta[f[1]] = f[2]; continue; }
    if (f[0] === 'P') {
      const w = Number(f[1]), h = Number(f[2]);
      if (!doc) {
        doc = new jsPDF({ unit: 'mm', format: [w, h], orientation: w > h ? 'l' : 'p', compress: true });
        for (const [name, path] of Object.entries(fonts)) {
          doc.addFileToVFS(name + '.ttf', fs.readFileSync(path).toString('base64'));
          doc.addFont(name + '.ttf', name, 'normal');
        }
        doc.setCreationDate(meta.date ? new Date(meta.date) : new Date('2026-12-07T09:00:00Z'));
        doc.setFileId(meta.id || '0123456789ABCDEF0123456789ABCDEF');
        doc.setProperties({ title: meta.title || '', creator: meta.creator || '', author: meta.author || '' });
      } else {
        doc.addPage([w, h], w > h ? 'l' : 'p');
      }
      pages++;
      continue;
    }
    if (f[0] === 'T') {
      const [, font, size, col, align, x, y, ...rest] = f;
      const text = rest.join('\t');
      doc.setFont(font, 'normal');
      doc.setFontSize(Number(size));
      const c = rgb(col); doc.setTextColor(c[0], c[1], c[2]);
      const opt = { baseline: 'alphabetic' };
      if (align === 'r') opt.align = 'right'; else if (align === 'c') opt.align = 'center';
      doc.text(text, Number(x), Number(y), opt);
      continue;
    }
    if (f[0] === 'L') {
      const [, x1, y1, x2, y2, w, col] = f; const c = rgb(col);
      doc.setLineWidth(Number(w)); doc.setDrawColor(c[0], c[1], c[2]);
      doc.line(Number(x1), Number(y1), Number(x2), Number(y2));
      continue;
    }
    if (f[0] === 'R') {
      const [, x, y, w, h, lw, sc, fc] = f;
      let style = '';
      if (fc !== '-') { const c = rgb(fc); doc.setFillColor(c[0], c[1], c[2]); style += 'F'; }
      if (sc !== '-') { const c = rgb(sc); doc.setDrawColor(c[0], c[1], c[2]); doc.setLineWidth(Number(lw)); style += 'D'; }
      if (style === 'FD') style = 'DF';
      doc.rect(Number(x), Number(y), Number(w), Number(h), style || 'S');
      continue;
    }
    if (f[0] === 'S') {
      const [, w, col, pts] = f; const c = rgb(col);
      doc.setLineWidth(Number(w)); doc.setDrawColor(c[0], c[1], c[2]);
      doc.setLineCap('round'); doc.setLineJoin('round');
      const p = pts.split(';').map(s => s.split(',').map(Number));
      const segs = []; for (let i = 1; i < p.length; i++) segs.push([p[i][0] - p[i - 1][0], p[i][1] - p[i - 1][1]]);
      doc.lines(segs, p[0][0], p[0][1], [1, 1], 'S', false);
      continue;
    }
  }
  fs.writeFileSync(outPath, Buffer.from(doc.output('arraybuffer')));
}

const jobs = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(l => l.length);
for (const j of jobs) { const [a, b] = j.split('\t'); build(a, b); }
