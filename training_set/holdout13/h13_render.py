"""Page model (mm, y down; text at its baseline) and its two back-ends, both PHP:

* text PDFs: TCPDF 6.6.2 (Debian ``php-tcpdf``), TrueType fonts converted by
  ``TCPDF_FONTS::addTTFfont`` and embedded as subsets;
* scan rasters: PHP GD (libgd + FreeType, ``imagettftext``) at the scan's dpi.

One PHP process renders a batch of jobs described in JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

FONTS = {
    "go": "/usr/share/fonts/fonts-go/Go-Regular.ttf",
    "gob": "/usr/share/fonts/fonts-go/Go-Bold.ttf",
    "goi": "/usr/share/fonts/fonts-go/Go-Italic.ttf",
    "gom": "/usr/share/fonts/fonts-go/Go-Mono.ttf",
    "gomb": "/usr/share/fonts/fonts-go/Go-Mono-Bold.ttf",
    "din": "/usr/share/fonts/truetype/opendin/OSP-DIN.ttf",
    "vk": "/usr/share/fonts/truetype/vollkorn/Vollkorn-Regular.ttf",
    "vkb": "/usr/share/fonts/truetype/vollkorn/Vollkorn-Bold.ttf",
    "vki": "/usr/share/fonts/truetype/vollkorn/Vollkorn-Italic.ttf",
    "eco": "/usr/share/fonts/truetype/ecolier-court/Ecolier-court.ttf",
    "dkg": "/usr/share/fonts/truetype/fifthhorseman/dkg.ttf",
}

BLACK = (0, 0, 0)


class Page:
    def __init__(self, w: float = 210.0, h: float = 297.0):
        self.w, self.h = w, h
        self.ops: list[list] = []
        self.text: list[str] = []  # what the page says, in drawing order (self-check of scans)

    def t(self, x, y, s, size=9.0, font="go", color=BLACK, align="L", angle=0.0):
        s = str(s)
        self.ops.append(["t", round(x, 2), round(y, 2), font, size, list(color), s, align, angle])
        self.text.append(s)

    def hand(self, x, y, s, size=14.0, font="dkg", color=BLACK, angle=0.0):
        """Hand-written text (scans only): drawn on a 3 x 3 grid 0.12 mm apart, a ball-point pen's width."""
        for dx, dy in ((a * 0.12, b * 0.12) for a in range(3) for b in range(3)):
            self.t(x + dx, y + dy, s, size, font, color, "L", angle)

    def rect(self, x, y, w, h, lw=0.25, stroke=BLACK, fill=None):
        self.ops.append(
            ["r", round(x, 2), round(y, 2), round(w, 2), round(h, 2), lw,
             list(stroke) if stroke else None, list(fill) if fill else None]
        )

    def line(self, x1, y1, x2, y2, lw=0.25, color=BLACK):
        self.ops.append(["l", round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2), lw, list(color)])

    def poly(self, pts, lw=0.4, color=BLACK):
        self.ops.append(["p", [[round(x, 2), round(y, 2)] for x, y in pts], lw, list(color)])

    def model(self) -> dict:
        return {"w": self.w, "h": self.h, "ops": self.ops}


PHP = r"""<?php
error_reporting(E_ALL & ~E_DEPRECATED);
$job = json_decode(file_get_contents($argv[1]), true);
define('K_PATH_FONTS', $job['fontdir'] . '/');
define('K_TCPDF_EXTERNAL_CONFIG', true);
define('K_PATH_MAIN', '/usr/share/php/tcpdf/');
define('K_PATH_CACHE', sys_get_temp_dir() . '/');
define('K_PATH_IMAGES', '');
define('K_BLANK_IMAGE', '_blank.png');
define('PDF_PAGE_FORMAT', 'A4');
define('PDF_PAGE_ORIENTATION', 'P');
define('PDF_CREATOR', 'TCPDF');
define('PDF_AUTHOR', 'TCPDF');
define('PDF_UNIT', 'mm');
define('PDF_MARGIN_HEADER', 5); define('PDF_MARGIN_FOOTER', 10); define('PDF_MARGIN_TOP', 27);
define('PDF_MARGIN_BOTTOM', 25); define('PDF_MARGIN_LEFT', 15); define('PDF_MARGIN_RIGHT', 15);
define('PDF_FONT_NAME_MAIN', 'helvetica'); define('PDF_FONT_SIZE_MAIN', 10);
define('PDF_FONT_NAME_DATA', 'helvetica'); define('PDF_FONT_SIZE_DATA', 8);
define('PDF_FONT_MONOSPACED', 'courier'); define('PDF_IMAGE_SCALE_RATIO', 1.25);
define('HEAD_MAGNIFICATION', 1.1); define('K_CELL_HEIGHT_RATIO', 1.25);
define('K_TITLE_MAGNIFICATION', 1.3); define('K_SMALL_RATIO', 2/3);
define('K_THAI_TOPCHARS', false); define('K_TCPDF_CALLS_IN_HTML', false);
define('K_TCPDF_THROW_EXCEPTION_ERROR', true); define('K_TIMEZONE', 'Europe/Paris');
require_once('/usr/share/php/tcpdf/tcpdf.php');

$names = array();
foreach ($job['fonts'] as $key => $path) {
    $names[$key] = TCPDF_FONTS::addTTFfont($path, 'TrueTypeUnicode', '', 96, $job['fontdir'] . '/');
}

function pdf_job($j, $names) {
    $p0 = $j['pages'][0];
    $pdf = new TCPDF($p0['w'] > $p0['h'] ? 'L' : 'P', 'mm', array($p0['w'], $p0['h']), true, 'UTF-8', false);
    $prop = new ReflectionProperty('TCPDF', 'file_id');
    $prop->setAccessible(true);
    $prop->setValue($pdf, $j['file_id']);
    $pdf->setDocCreationTimestamp($j['time']);
    $pdf->setDocModificationTimestamp($j['time']);
    $pdf->SetCreator($j['creator']);
    $pdf->SetAuthor($j['author']);
    $pdf->SetTitle($j['title']);
    $pdf->setPrintHeader(false);
    $pdf->setPrintFooter(false);
    $pdf->SetMargins(0, 0, 0);
    $pdf->SetAutoPageBreak(false, 0);
    $pdf->setCellPaddings(0, 0, 0, 0);
    $pdf->setCellMargins(0, 0, 0, 0);
    foreach ($j['pages'] as $pg) {
        $pdf->AddPage($pg['w'] > $pg['h'] ? 'L' : 'P', array($pg['w'], $pg['h']));
        foreach ($pg['ops'] as $op) {
            switch ($op[0]) {
            case 't':
                list(, $x, $y, $f, $size, $c, $s, $al, $ang) = $op;
                $pdf->SetFont($names[$f], '', $size);
                $pdf->SetTextColor($c[0], $c[1], $c[2]);
                $w = $pdf->GetStringWidth($s);
                if ($al == 'R') { $x -= $w; } elseif ($al == 'C') { $x -= $w / 2; }
                if ($ang != 0) { $pdf->StartTransform(); $pdf->Rotate($ang, $x, $y); }
                $pdf->Text($x, $y, $s, false, false, true, 0, 0, '', false, '', 0, false, 'L', 'M');
                if ($ang != 0) { $pdf->StopTransform(); }
                break;
            case 'r':
                list(, $x, $y, $w, $h, $lw, $st, $fi) = $op;
                $style = ($st ? 'D' : '') . ($fi ? 'F' : '');
                $border = $st ? array('all' => array('width' => $lw, 'color' => $st, 'dash' => 0, 'cap' => 'butt', 'join' => 'miter')) : array();
                $pdf->Rect($x, $y, $w, $h, $style, $border, $fi ? $fi : array());
                break;
            case 'l':
                list(, $x1, $y1, $x2, $y2, $lw, $c) = $op;
                $pdf->Line($x1, $y1, $x2, $y2, array('width' => $lw, 'color' => $c, 'dash' => 0, 'cap' => 'round'));
                break;
            case 'p':
                list(, $pts, $lw, $c) = $op;
                $flat = array();
                foreach ($pts as $pt) { $flat[] = $pt[0]; $flat[] = $pt[1]; }
                $pdf->PolyLine($flat, 'D', array('all' => array('width' => $lw, 'color' => $c, 'cap' => 'round', 'join' => 'round', 'dash' => 0)));
                break;
            }
        }
    }
    $pdf->Output($j['out'], 'F');
}

function png_job($j, $fonts) {
    $k = 0;
    foreach ($j['pages'] as $pg) {
        $s = $j['dpi'] / 25.4;
        $W = (int) round($pg['w'] * $s); $H = (int) round($pg['h'] * $s);
        $im = imagecreatetruecolor($W, $H);
        imagefilledrectangle($im, 0, 0, $W - 1, $H - 1, imagecolorallocate($im, 255, 255, 255));
        foreach ($pg['ops'] as $op) {
            switch ($op[0]) {
            case 't':
                list(, $x, $y, $f, $size, $c, $str, $al, $ang) = $op;
                $gs = $size * $j['dpi'] / 96.0;
                $col = imagecolorallocate($im, $c[0], $c[1], $c[2]);
                $bb = imagettfbbox($gs, 0, $fonts[$f], $str);
                $w = $bb[2] - $bb[0];
                $px = $x * $s; $py = $y * $s;
                $dx = 0;
                if ($al == 'R') { $dx = -$w; } elseif ($al == 'C') { $dx = -$w / 2; }
                $a = deg2rad($ang);
                $px += $dx * cos($a); $py -= $dx * sin($a);
                imagettftext($im, $gs, $ang, (int) round($px), (int) round($py), $col, $fonts[$f], $str);
                break;
            case 'r':
                list(, $x, $y, $w, $h, $lw, $st, $fi) = $op;
                if ($fi) {
                    imagefilledrectangle($im, (int) round($x * $s), (int) round($y * $s), (int) round(($x + $w) * $s), (int) round(($y + $h) * $s), imagecolorallocate($im, $fi[0], $fi[1], $fi[2]));
                }
                if ($st) {
                    imagesetthickness($im, max(1, (int) round($lw * $s)));
                    imagerectangle($im, (int) round($x * $s), (int) round($y * $s), (int) round(($x + $w) * $s), (int) round(($y + $h) * $s), imagecolorallocate($im, $st[0], $st[1], $st[2]));
                }
                break;
            case 'l':
                list(, $x1, $y1, $x2, $y2, $lw, $c) = $op;
                imagesetthickness($im, max(1, (int) round($lw * $s)));
                imageline($im, (int) round($x1 * $s), (int) round($y1 * $s), (int) round($x2 * $s), (int) round($y2 * $s), imagecolorallocate($im, $c[0], $c[1], $c[2]));
                break;
            case 'p':
                list(, $pts, $lw, $c) = $op;
                $t = max(1, (int) round($lw * $s));
                imagesetthickness($im, $t);
                $col = imagecolorallocate($im, $c[0], $c[1], $c[2]);
                for ($i = 1; $i < count($pts); $i++) {
                    imageline($im, (int) round($pts[$i - 1][0] * $s), (int) round($pts[$i - 1][1] * $s), (int) round($pts[$i][0] * $s), (int) round($pts[$i][1] * $s), $col);
                }
                break;
            }
        }
        $k++;
        imagepng($im, $j['out'] . '-p' . $k . '.png', 1);
        imagedestroy($im);
    }
}

foreach ($job['jobs'] as $j) {
    if ($j['kind'] == 'pdf') { pdf_job($j, $names); } else { png_job($j, $job['fonts']); }
}
echo "done " . count($job['jobs']) . "\n";
"""


def run_batch(jobs: list[dict], workdir: Path) -> None:
    """Render jobs: ``{"kind": "pdf"|"png", "out": path, "pages": [model...], ...}``."""
    workdir.mkdir(parents=True, exist_ok=True)
    fontdir = workdir / "tcpdf-fonts"
    fontdir.mkdir(exist_ok=True)
    for core in ("helvetica.php", "helveticab.php"):
        src = Path("/usr/share/php/tcpdf/fonts") / core
        if src.exists() and not (fontdir / core).exists():
            (fontdir / core).write_bytes(src.read_bytes())
    script = workdir / "h13_render.php"
    script.write_text(PHP, encoding="utf-8")
    spec = workdir / "jobs.json"
    spec.write_text(json.dumps({"fontdir": str(fontdir), "fonts": FONTS, "jobs": jobs}), encoding="utf-8")
    env = dict(os.environ, TZ="Europe/Paris")
    res = subprocess.run(["php", str(script), str(spec)], capture_output=True, text=True, env=env)
    if res.returncode != 0 or "done" not in res.stdout:
        raise RuntimeError(f"php failed: {res.stdout[-2000:]} {res.stderr[-2000:]}")


def tmpdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="h13-"))
