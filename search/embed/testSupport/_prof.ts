import { gaussianMatrix, gram, symmetricEigen, matmul } from '../corpus/denseLinalg.js';
for (const n of [100, 272, 500, 1000]) {
  const a = gram(gaussianMatrix(n + 10, n, 3), n + 10, n);
  const t = performance.now();
  const { values, vectors } = symmetricEigen(a, n);
  const el = performance.now() - t;
  // residual ||A V - V D||
  const av = matmul(a, n, n, vectors, n);
  let err = 0, scale = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { err = Math.max(err, Math.abs(av[i * n + j] - vectors[i * n + j] * values[j])); scale = Math.max(scale, Math.abs(values[j])); }
  console.log(n, el.toFixed(0), 'ms, rel residual', (err / scale).toExponential(2), values[0] >= values[n - 1]);
}
