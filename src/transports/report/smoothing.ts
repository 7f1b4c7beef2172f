/**
 * Curve smoothing: the debiased exponential moving average TensorBoard and W&B offer (weight 0 = raw values, towards 1 =
 * smoother; the debias term keeps the first points from being pulled towards 0). The same few lines run in the page
 * (SMOOTHING_SCRIPT) when the reader moves the smoothing slider, so the file needs no library and no network.
 */

export function ema(values: readonly number[], weight: number): number[] {
  let sum = 0;
  let norm = 0;
  return values.map((v) => {
    sum = sum * weight + (1 - weight) * v;
    norm = norm * weight + (1 - weight);
    return norm === 0 ? v : sum / norm;
  });
}

/** Default weight by how many points a curve has: none for short runs, more for long noisy ones. */
export function defaultSmoothing(points: number): number {
  if (points < 10) return 0;
  if (points < 120) return 0.5;
  return 0.8;
}

/**
 * Inline page script: redraws every `path.smooth` from its raw values (data-y), pixel x positions (data-px) and y
 * mapping (pixel = data-a + data-b × value) with the slider's weight. Without script the page shows the default.
 */
export const SMOOTHING_SCRIPT = `(function () {
  var input = document.getElementById('smoothing');
  var shown = document.getElementById('smoothing-value');
  if (!input || !shown) return;
  function ema(ys, w) { var s = 0, n = 0; return ys.map(function (v) { s = s * w + (1 - w) * v; n = n * w + (1 - w); return n === 0 ? v : s / n; }); }
  function apply() {
    var w = Number(input.value);
    shown.textContent = w.toFixed(2);
    document.body.classList.toggle('smoothed', w > 0);
    document.querySelectorAll('path.smooth').forEach(function (p) {
      var xs = p.getAttribute('data-px').split(',').map(Number);
      var ys = p.getAttribute('data-y').split(',').map(Number);
      var a = Number(p.getAttribute('data-a')), b = Number(p.getAttribute('data-b'));
      p.setAttribute('d', ema(ys, w).map(function (v, i) { return (i ? 'L' : 'M') + xs[i] + ',' + (a + b * v).toFixed(1); }).join(' '));
    });
  }
  input.addEventListener('input', apply);
})();`;
