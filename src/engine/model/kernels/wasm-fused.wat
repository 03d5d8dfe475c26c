;; Kernels of our own for TensorFlow.js's wasm backend, as WebAssembly SIMD loops over the
;; backend's own memory (imported, so operands are read and outputs written in place: no copy in
;; or out): the fused LayerNorm and GELU (fused-layer-norm.ts, fused-gelu.ts), a blocked transpose
;; and column sums (wasm-fused.ts); attention has a module of its own (wasm-attention.wat). Loops
;; in JavaScript lost to the backend's vectorised kernels (an exp in JavaScript is a scalar call;
;; a float32 row is read as float64); these move four floats per instruction, as the backend's
;; kernels do.
;;
;; Pointers are byte offsets into the memory (the backend's memoryOffset of each tensor). Widths
;; are multiples of 4 (wasm-fused.ts checks), so every loop moves 16 bytes at a time and runs at
;; least once. Assembled by `npm run build:wasm-kernels` into wasm-binaries.ts; a unit test
;; fails when that file and this one disagree.
(module
  (import "tfjs" "memory" (memory 0))

  ;; The sum of a vector's four lanes.
  (func $lanes_sum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  ;; LayerNorm of `rows` rows of `c` floats at $x: y = xhat gain + bias, xhat = (x - mean) rstd,
  ;; rstd = 1 / sqrt(var + eps) (one float per row). Three passes over each row while it is in cache.
  (func (export "layer_norm")
    (param $x i32) (param $gain i32) (param $bias i32) (param $y i32) (param $xhat i32) (param $rstd i32)
    (param $rows i32) (param $c i32) (param $eps f32)
    (local $row_bytes i32) (local $j i32) (local $width f32) (local $acc v128) (local $d v128)
    (local $mean v128) (local $s f32) (local $scale v128) (local $h v128)
    (local.set $row_bytes (i32.shl (local.get $c) (i32.const 2)))
    (local.set $width (f32.convert_i32_u (local.get $c)))
    (block $done
      (loop $row
        (br_if $done (i32.eqz (local.get $rows)))
        (local.set $acc (v128.const f32x4 0 0 0 0))
        (local.set $j (i32.const 0))
        (loop $sum
          (local.set $acc (f32x4.add (local.get $acc) (v128.load (i32.add (local.get $x) (local.get $j)))))
          (br_if $sum (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 16))) (local.get $row_bytes))))
        (local.set $mean (f32x4.splat (f32.div (call $lanes_sum (local.get $acc)) (local.get $width))))
        (local.set $acc (v128.const f32x4 0 0 0 0))
        (local.set $j (i32.const 0))
        (loop $squares
          (local.set $d (f32x4.sub (v128.load (i32.add (local.get $x) (local.get $j))) (local.get $mean)))
          (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (local.get $d) (local.get $d))))
          (br_if $squares (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 16))) (local.get $row_bytes))))
        (local.set $s
          (f32.div (f32.const 1)
            (f32.sqrt (f32.add (f32.div (call $lanes_sum (local.get $acc)) (local.get $width)) (local.get $eps)))))
        (f32.store (local.get $rstd) (local.get $s))
        (local.set $scale (f32x4.splat (local.get $s)))
        (local.set $j (i32.const 0))
        (loop $normalise
          (local.set $h
            (f32x4.mul (f32x4.sub (v128.load (i32.add (local.get $x) (local.get $j))) (local.get $mean)) (local.get $scale)))
          (v128.store (i32.add (local.get $xhat) (local.get $j)) (local.get $h))
          (v128.store (i32.add (local.get $y) (local.get $j))
            (f32x4.add
              (f32x4.mul (local.get $h) (v128.load (i32.add (local.get $gain) (local.get $j))))
              (v128.load (i32.add (local.get $bias) (local.get $j)))))
          (br_if $normalise (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 16))) (local.get $row_bytes))))
        (local.set $x (i32.add (local.get $x) (local.get $row_bytes)))
        (local.set $y (i32.add (local.get $y) (local.get $row_bytes)))
        (local.set $xhat (i32.add (local.get $xhat) (local.get $row_bytes)))
        (local.set $rstd (i32.add (local.get $rstd) (i32.const 4)))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row))))

  ;; LayerNorm's backward pass from dy, xhat, rstd and gain: dx = rstd (dxhat - mean(dxhat)
  ;; - xhat mean(dxhat xhat)) with dxhat = dy gain, and dy xhat (the gain's gradient, summed over
  ;; rows by the caller). Two passes over each row.
  (func (export "layer_norm_grad")
    (param $dy i32) (param $xhat i32) (param $rstd i32) (param $gain i32) (param $dx i32) (param $dy_xhat i32)
    (param $rows i32) (param $c i32)
    (local $row_bytes i32) (local $j i32) (local $width f32) (local $acc1 v128) (local $acc2 v128)
    (local $dxhat v128) (local $m1 v128) (local $m2 v128) (local $s v128) (local $g v128) (local $h v128)
    (local.set $row_bytes (i32.shl (local.get $c) (i32.const 2)))
    (local.set $width (f32.convert_i32_u (local.get $c)))
    (block $done
      (loop $row
        (br_if $done (i32.eqz (local.get $rows)))
        (local.set $acc1 (v128.const f32x4 0 0 0 0))
        (local.set $acc2 (v128.const f32x4 0 0 0 0))
        (local.set $j (i32.const 0))
        (loop $means
          (local.set $dxhat
            (f32x4.mul (v128.load (i32.add (local.get $dy) (local.get $j))) (v128.load (i32.add (local.get $gain) (local.get $j)))))
          (local.set $acc1 (f32x4.add (local.get $acc1) (local.get $dxhat)))
          (local.set $acc2
            (f32x4.add (local.get $acc2) (f32x4.mul (local.get $dxhat) (v128.load (i32.add (local.get $xhat) (local.get $j))))))
          (br_if $means (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 16))) (local.get $row_bytes))))
        (local.set $m1 (f32x4.splat (f32.div (call $lanes_sum (local.get $acc1)) (local.get $width))))
        (local.set $m2 (f32x4.splat (f32.div (call $lanes_sum (local.get $acc2)) (local.get $width))))
        (local.set $s (v128.load32_splat (local.get $rstd)))
        (local.set $j (i32.const 0))
        (loop $gradient
          (local.set $g (v128.load (i32.add (local.get $dy) (local.get $j))))
          (local.set $h (v128.load (i32.add (local.get $xhat) (local.get $j))))
          (v128.store (i32.add (local.get $dx) (local.get $j))
            (f32x4.mul
              (local.get $s)
              (f32x4.sub
                (f32x4.sub (f32x4.mul (local.get $g) (v128.load (i32.add (local.get $gain) (local.get $j)))) (local.get $m1))
                (f32x4.mul (local.get $h) (local.get $m2)))))
          (v128.store (i32.add (local.get $dy_xhat) (local.get $j)) (f32x4.mul (local.get $g) (local.get $h)))
          (br_if $gradient (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 16))) (local.get $row_bytes))))
        (local.set $dy (i32.add (local.get $dy) (local.get $row_bytes)))
        (local.set $xhat (i32.add (local.get $xhat) (local.get $row_bytes)))
        (local.set $dx (i32.add (local.get $dx) (local.get $row_bytes)))
        (local.set $dy_xhat (i32.add (local.get $dy_xhat) (local.get $row_bytes)))
        (local.set $rstd (i32.add (local.get $rstd) (i32.const 4)))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row))))

  ;; GELU of `n` floats (a multiple of 4): sig = sigmoid(z), z = x (k1 x^2 + k2), y = x sig.
  ;; sigmoid(z) = 1 / (1 + exp(t)), t = -z, with exp written out here rather than called: a call
  ;; taking and returning a vector costs V8 more than the whole formula (1.7 against 0.3 ms on
  ;; [2048, 256]).
  ;; exp(t): t = n ln2 + r with n an integer and |r| <= ln2 / 2 (ln2 in two parts, so n ln2 is
  ;; exact); exp(r) = 1 + r + r^2 p(r) with Cephes's polynomial p for expf (relative error about
  ;; 1e-7); 2^n built in the exponent bits. t is clamped to [-87, 88] first, where 2^n stays a
  ;; normal float: exp(88) = 1.7e38 and exp(-87) = 1.6e-38 stand for overflow and underflow, all
  ;; a sigmoid needs of them. pmax and pmin are one instruction each on x86 (max and min with
  ;; their NaN rules are several) and pass a NaN t through.
  (func (export "gelu")
    (param $x i32) (param $y i32) (param $sig i32) (param $n i32) (param $k1 f32) (param $k2 f32)
    (local $end i32) (local $j i32) (local $v v128) (local $a v128) (local $b v128)
    (local $t v128) (local $shifted v128) (local $whole v128) (local $r v128) (local $r2 v128) (local $p v128) (local $s v128)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $a (f32x4.splat (local.get $k1)))
    (local.set $b (f32x4.splat (local.get $k2)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $v (v128.load (i32.add (local.get $x) (local.get $j))))
        (local.set $t
          (f32x4.neg
            (f32x4.mul (local.get $v) (f32x4.add (f32x4.mul (f32x4.mul (local.get $a) (local.get $v)) (local.get $v)) (local.get $b)))))
        (local.set $t (f32x4.pmin (f32x4.pmax (local.get $t) (v128.const f32x4 -87 -87 -87 -87)) (v128.const f32x4 88 88 88 88)))
        ;; Adding 1.5 * 2^23 rounds t log2(e) to the integer n, which the sum's low mantissa bits hold.
        (local.set $shifted
          (f32x4.add
            (f32x4.mul (local.get $t) (v128.const f32x4 1.44269504088896341 1.44269504088896341 1.44269504088896341 1.44269504088896341))
            (v128.const f32x4 12582912 12582912 12582912 12582912)))
        (local.set $whole (f32x4.sub (local.get $shifted) (v128.const f32x4 12582912 12582912 12582912 12582912)))
        (local.set $r
          (f32x4.sub
            (f32x4.sub (local.get $t) (f32x4.mul (local.get $whole) (v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375)))
            (f32x4.mul (local.get $whole) (v128.const f32x4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4))))
        ;; Estrin's scheme (pairs of terms in r, then powers of r^2): a shorter chain of dependent
        ;; operations than Horner's, which the loop's time follows.
        (local.set $r2 (f32x4.mul (local.get $r) (local.get $r)))
        (local.set $p
          (f32x4.add
            (f32x4.add (v128.const f32x4 1 1 1 1) (local.get $r))
            (f32x4.mul
              (local.get $r2)
              (f32x4.add
                (f32x4.add (v128.const f32x4 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1)
                  (f32x4.mul (local.get $r) (v128.const f32x4 1.6666665459e-1 1.6666665459e-1 1.6666665459e-1 1.6666665459e-1)))
                (f32x4.mul
                  (local.get $r2)
                  (f32x4.add
                    (f32x4.add (v128.const f32x4 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2)
                      (f32x4.mul (local.get $r) (v128.const f32x4 8.3334519073e-3 8.3334519073e-3 8.3334519073e-3 8.3334519073e-3)))
                    (f32x4.mul
                      (local.get $r2)
                      (f32x4.add (v128.const f32x4 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3)
                        (f32x4.mul (local.get $r) (v128.const f32x4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4))))))))))
        ;; exp(t) = exp(r) 2^n, 2^n being n + 127 in the exponent bits.
        (local.set $s
          (f32x4.div
            (v128.const f32x4 1 1 1 1)
            (f32x4.add
              (v128.const f32x4 1 1 1 1)
              (f32x4.mul
                (local.get $p)
                (i32x4.shl
                  (i32x4.add
                    (i32x4.sub (local.get $shifted) (v128.const f32x4 12582912 12582912 12582912 12582912))
                    (v128.const i32x4 127 127 127 127))
                  (i32.const 23))))))
        (v128.store (i32.add (local.get $sig) (local.get $j)) (local.get $s))
        (v128.store (i32.add (local.get $y) (local.get $j)) (f32x4.mul (local.get $v) (local.get $s)))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $each))))

  ;; GELU's backward pass: dx = dy (s + x s (1 - s) (k2 + 3 k1 x^2)), from the forward's s.
  (func (export "gelu_grad")
    (param $dy i32) (param $x i32) (param $sig i32) (param $dx i32) (param $n i32) (param $k1 f32) (param $k2 f32)
    (local $end i32) (local $j i32) (local $v v128) (local $s v128) (local $a v128) (local $b v128)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $a (f32x4.splat (f32.mul (f32.const 3) (local.get $k1))))
    (local.set $b (f32x4.splat (local.get $k2)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $v (v128.load (i32.add (local.get $x) (local.get $j))))
        (local.set $s (v128.load (i32.add (local.get $sig) (local.get $j))))
        (v128.store (i32.add (local.get $dx) (local.get $j))
          (f32x4.mul
            (v128.load (i32.add (local.get $dy) (local.get $j)))
            (f32x4.add
              (local.get $s)
              (f32x4.mul
                (f32x4.mul (f32x4.mul (local.get $v) (local.get $s)) (f32x4.sub (v128.const f32x4 1 1 1 1) (local.get $s)))
                (f32x4.add (f32x4.mul (f32x4.mul (local.get $a) (local.get $v)) (local.get $v)) (local.get $b))))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $each))))

  ;; The transposes of `batch` [rows, cols] matrices at $x into $y ([batch, cols, rows]), in
  ;; 4 x 4 blocks (four loads, eight shuffles, four stores): tf.transpose on wasm moves one float at
  ;; a time and, for [2048, 64], writes at an 8 KiB stride that keeps evicting its own cache lines
  ;; (0.48 ms, against 0.095 ms the other way round and 0.024 ms here). Blocks run down a block
  ;; column of $x, so the four output rows fill front to back.
  (func (export "swap") (param $x i32) (param $y i32) (param $batch i32) (param $rows i32) (param $cols i32)
    (local $row_bytes i32) (local $out_row_bytes i32) (local $matrix_bytes i32) (local $j i32) (local $i i32)
    (local $src i32) (local $dst i32)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $row_bytes (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $out_row_bytes (i32.shl (local.get $rows) (i32.const 2)))
    (local.set $matrix_bytes (i32.mul (local.get $rows) (local.get $row_bytes)))
    (block $done
      (loop $block_column
        (if (i32.ge_u (local.get $j) (local.get $cols))
          (then
            ;; This matrix is done: on to the next one, or out.
            (br_if $done (i32.eqz (local.tee $batch (i32.sub (local.get $batch) (i32.const 1)))))
            (local.set $x (i32.add (local.get $x) (local.get $matrix_bytes)))
            (local.set $y (i32.add (local.get $y) (local.get $matrix_bytes)))
            (local.set $j (i32.const 0))))
        (local.set $src (i32.add (local.get $x) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $dst (i32.add (local.get $y) (i32.mul (local.get $j) (local.get $out_row_bytes))))
        (local.set $i (i32.const 0))
        (loop $block
          (local.set $r0 (v128.load (local.get $src)))
          (local.set $r1 (v128.load (i32.add (local.get $src) (local.get $row_bytes))))
          (local.set $r2 (v128.load (i32.add (local.get $src) (i32.shl (local.get $row_bytes) (i32.const 1)))))
          (local.set $r3 (v128.load (i32.add (local.get $src) (i32.mul (local.get $row_bytes) (i32.const 3)))))
          ;; t0 = a0 b0 a1 b1, t1 = a2 b2 a3 b3, t2 = c0 d0 c1 d1, t3 = c2 d2 c3 d3
          (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r0) (local.get $r1)))
          (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r0) (local.get $r1)))
          (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r2) (local.get $r3)))
          (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r2) (local.get $r3)))
          ;; output rows j .. j + 3: a0 b0 c0 d0, a1 b1 c1 d1, a2 b2 c2 d2, a3 b3 c3 d3
          (v128.store (local.get $dst)
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
          (v128.store (i32.add (local.get $dst) (local.get $out_row_bytes))
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
          (v128.store (i32.add (local.get $dst) (i32.shl (local.get $out_row_bytes) (i32.const 1)))
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
          (v128.store (i32.add (local.get $dst) (i32.mul (local.get $out_row_bytes) (i32.const 3)))
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
          (local.set $src (i32.add (local.get $src) (i32.shl (local.get $row_bytes) (i32.const 2))))
          (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
          (br_if $block (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (local.get $rows))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $block_column))))

  ;; The sums over the rows of a [rows, cols] matrix at $x into $y [cols]: each row added to $y,
  ;; which stays in cache. A product with a row of ones does the same through XNNPACK, which packs
  ;; its changing right operand first: 0.43 ms for [2048, 64].
  (func (export "column_sums") (param $x i32) (param $y i32) (param $rows i32) (param $cols i32)
    (local $row_bytes i32) (local $j i32)
    (local.set $row_bytes (i32.shl (local.get $cols) (i32.const 2)))
    (memory.fill (local.get $y) (i32.const 0) (local.get $row_bytes))
    (block $done
      (loop $row
        (br_if $done (i32.eqz (local.get $rows)))
        (local.set $j (i32.const 0))
        (loop $add
          (v128.store (i32.add (local.get $y) (local.get $j))
            (f32x4.add (v128.load (i32.add (local.get $y) (local.get $j))) (v128.load (i32.add (local.get $x) (local.get $j)))))
          (br_if $add (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 16))) (local.get $row_bytes))))
        (local.set $x (i32.add (local.get $x) (local.get $row_bytes)))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row)))))
