;; Causal self-attention and its gradient for TensorFlow.js's wasm backend (wasm-attention.ts),
;; and decoding's attention over a KV cache (at the end),
;; as WebAssembly SIMD loops over the backend's own memory, like wasm-fused.wat (imported, so
;; operands are read and outputs written in place). Assembled by `npm run build:wasm-kernels`
;; into wasm-binaries.ts; a unit test fails when that file and this one disagree.
;;
;; For each group g = (b, h) of the batch's windows and heads, from qkv rows [batch * t, 3c]
;; (columns [q | k | v], head h at columns h d .. h d + d of each): scores S = Q K^T, their
;; softmax P over keys j <= i (stored [g, t, t], zeros above the diagonal), and y = P V written
;; straight into the merged rows [batch * t, c]. The backward pass writes d(qkv) in qkv's own
;; layout. No split, transpose or concat of heads, and the products skip the masked half.
;; Pointers are byte offsets into the memory; the window t and head width d are multiples of 4
;; (attentionOnWasm checks).
(module
  (import "tfjs" "memory" (memory 0))

  ;; The sum of a vector's four lanes.
  (func $lanes_sum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  ;; The products, in 4 x 4 tiles of C = A B: per step along the inner dimension, one vector of
  ;; B's row and four numbers of A's column (splat), 8 operations for 16 multiply-adds. A's numbers are read at any strides (so A may be a transpose); B's rows and
  ;; C's rows are contiguous runs of 4 floats at any row stride.
  ;; mode 0: every tile, the whole inner dimension;
  ;; mode 1: tiles on or below the diagonal only (C[i, j] for j <= i: scores and their gradient);
  ;; mode 2: inner index k < i + 4 for the tile at rows i .. i + 3 (A is zero above its diagonal);
  ;; mode 3: inner index k >= i (A is a transpose of a matrix zero above its diagonal).
  (func $product
    (param $a i32) (param $a_row i32) (param $a_k i32) (param $b i32) (param $b_k i32)
    (param $c i32) (param $c_row i32) (param $m i32) (param $n i32) (param $depth i32) (param $mode i32)
    (local $r i32) (local $col i32) (local $k i32) (local $k_end i32) (local $ap i32) (local $bp i32) (local $cp i32)
    (local $a_row2 i32) (local $a_row3 i32) (local $c_row2 i32) (local $c_row3 i32)
    (local $acc0 v128) (local $acc1 v128) (local $acc2 v128) (local $acc3 v128) (local $bv v128)
    (local.set $a_row2 (i32.shl (local.get $a_row) (i32.const 1)))
    (local.set $a_row3 (i32.add (local.get $a_row2) (local.get $a_row)))
    (local.set $c_row2 (i32.shl (local.get $c_row) (i32.const 1)))
    (local.set $c_row3 (i32.add (local.get $c_row2) (local.get $c_row)))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $m)))
        (local.set $col (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_u (local.get $col) (local.get $n)))
            (br_if $cols_done (i32.and (i32.eq (local.get $mode) (i32.const 1)) (i32.gt_u (local.get $col) (local.get $r))))
            (local.set $k (select (local.get $r) (i32.const 0) (i32.eq (local.get $mode) (i32.const 3))))
            (local.set $k_end (local.get $depth))
            (if (i32.eq (local.get $mode) (i32.const 2))
              (then
                (if (i32.lt_u (i32.add (local.get $r) (i32.const 4)) (local.get $depth))
                  (then (local.set $k_end (i32.add (local.get $r) (i32.const 4)))))))
            (local.set $acc0 (v128.const i32x4 0 0 0 0))
            (local.set $acc1 (v128.const i32x4 0 0 0 0))
            (local.set $acc2 (v128.const i32x4 0 0 0 0))
            (local.set $acc3 (v128.const i32x4 0 0 0 0))
            (local.set $ap
              (i32.add (local.get $a) (i32.add (i32.mul (local.get $r) (local.get $a_row)) (i32.mul (local.get $k) (local.get $a_k)))))
            (local.set $bp
              (i32.add (local.get $b) (i32.add (i32.mul (local.get $k) (local.get $b_k)) (i32.shl (local.get $col) (i32.const 2)))))
            (block $inner_done
              (loop $inner
                (br_if $inner_done (i32.ge_u (local.get $k) (local.get $k_end)))
                (local.set $bv (v128.load (local.get $bp)))
                (local.set $acc0 (f32x4.add (local.get $acc0) (f32x4.mul (v128.load32_splat (local.get $ap)) (local.get $bv))))
                (local.set $acc1
                  (f32x4.add (local.get $acc1) (f32x4.mul (v128.load32_splat (i32.add (local.get $ap) (local.get $a_row))) (local.get $bv))))
                (local.set $acc2
                  (f32x4.add (local.get $acc2) (f32x4.mul (v128.load32_splat (i32.add (local.get $ap) (local.get $a_row2))) (local.get $bv))))
                (local.set $acc3
                  (f32x4.add (local.get $acc3) (f32x4.mul (v128.load32_splat (i32.add (local.get $ap) (local.get $a_row3))) (local.get $bv))))
                (local.set $ap (i32.add (local.get $ap) (local.get $a_k)))
                (local.set $bp (i32.add (local.get $bp) (local.get $b_k)))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $inner)))
            (local.set $cp
              (i32.add (local.get $c) (i32.add (i32.mul (local.get $r) (local.get $c_row)) (i32.shl (local.get $col) (i32.const 2)))))
            (v128.store (local.get $cp) (local.get $acc0))
            (v128.store (i32.add (local.get $cp) (local.get $c_row)) (local.get $acc1))
            (v128.store (i32.add (local.get $cp) (local.get $c_row2)) (local.get $acc2))
            (v128.store (i32.add (local.get $cp) (local.get $c_row3)) (local.get $acc3))
            (local.set $col (i32.add (local.get $col) (i32.const 4)))
            (br $cols)))
        (local.set $r (i32.add (local.get $r) (i32.const 4)))
        (br $rows))))

  ;; x [rows, cols] (rows $x_row bytes apart) transposed into y [cols, rows] (contiguous), in the
  ;; 4 x 4 blocks of "swap".
  (func $transpose (param $x i32) (param $x_row i32) (param $y i32) (param $rows i32) (param $cols i32)
    (local $out_row i32) (local $j i32) (local $i i32) (local $src i32) (local $dst i32)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $out_row (i32.shl (local.get $rows) (i32.const 2)))
    (block $done
      (loop $block_column
        (br_if $done (i32.ge_u (local.get $j) (local.get $cols)))
        (local.set $src (i32.add (local.get $x) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $dst (i32.add (local.get $y) (i32.mul (local.get $j) (local.get $out_row))))
        (local.set $i (i32.const 0))
        (loop $block
          (local.set $r0 (v128.load (local.get $src)))
          (local.set $r1 (v128.load (i32.add (local.get $src) (local.get $x_row))))
          (local.set $r2 (v128.load (i32.add (local.get $src) (i32.shl (local.get $x_row) (i32.const 1)))))
          (local.set $r3 (v128.load (i32.add (local.get $src) (i32.mul (local.get $x_row) (i32.const 3)))))
          ;; t0 = a0 b0 a1 b1, t1 = a2 b2 a3 b3, t2 = c0 d0 c1 d1, t3 = c2 d2 c3 d3
          (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r0) (local.get $r1)))
          (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r0) (local.get $r1)))
          (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r2) (local.get $r3)))
          (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r2) (local.get $r3)))
          ;; output rows j .. j + 3: a0 b0 c0 d0, a1 b1 c1 d1, a2 b2 c2 d2, a3 b3 c3 d3
          (v128.store (local.get $dst)
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
          (v128.store (i32.add (local.get $dst) (local.get $out_row))
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
          (v128.store (i32.add (local.get $dst) (i32.shl (local.get $out_row) (i32.const 1)))
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
          (v128.store (i32.add (local.get $dst) (i32.mul (local.get $out_row) (i32.const 3)))
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
          (local.set $src (i32.add (local.get $src) (i32.shl (local.get $x_row) (i32.const 2))))
          (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
          (br_if $block (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (local.get $rows))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $block_column))))

  ;; exp of each lane of t <= 0 (softmax's shifted scores), as in "gelu" (see there), with lanes
  ;; below -87 set to 0: a masked key must weigh exactly nothing.
  (func $exp_nonpositive (param $t v128) (result v128)
    (local $shifted v128) (local $whole v128) (local $r v128) (local $r2 v128) (local $p v128) (local $keep v128)
    ;; (not t < -87 rather than t >= -87: a NaN lane stays NaN.)
    (local.set $keep (v128.not (f32x4.lt (local.get $t) (v128.const f32x4 -87 -87 -87 -87))))
    (local.set $t (f32x4.pmax (local.get $t) (v128.const f32x4 -87 -87 -87 -87)))
    (local.set $shifted
      (f32x4.add
        (f32x4.mul (local.get $t) (v128.const f32x4 1.44269504088896341 1.44269504088896341 1.44269504088896341 1.44269504088896341))
        (v128.const f32x4 12582912 12582912 12582912 12582912)))
    (local.set $whole (f32x4.sub (local.get $shifted) (v128.const f32x4 12582912 12582912 12582912 12582912)))
    (local.set $r
      (f32x4.sub
        (f32x4.sub (local.get $t) (f32x4.mul (local.get $whole) (v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375)))
        (f32x4.mul (local.get $whole) (v128.const f32x4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4))))
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
    (v128.and
      (local.get $keep)
      (f32x4.mul
        (local.get $p)
        (i32x4.shl
          (i32x4.add
            (i32x4.sub (local.get $shifted) (v128.const f32x4 12582912 12582912 12582912 12582912))
            (v128.const i32x4 127 127 127 127))
          (i32.const 23)))))

  ;; Lanes j <= i of the vector of columns j0 .. j0 + 3 (all ones), the others zero.
  (func $causal_lanes (param $j0 i32) (param $i i32) (result v128)
    (i32x4.le_s
      (i32x4.add (i32x4.splat (local.get $j0)) (v128.const i32x4 0 1 2 3))
      (i32x4.splat (local.get $i))))

  ;; Row i of a [t, t] block at $row (computed for columns j < (i | 3) + 1, the tiles $product's
  ;; mode 1 fills): softmax of scale * row over j <= i, zeros elsewhere.
  (func $softmax_row (param $row i32) (param $i i32) (param $t i32) (param $scale f32)
    (local $width i32) (local $j i32) (local $mask v128) (local $top v128) (local $v v128) (local $sum v128) (local $inv v128)
    (local $peak f32)
    (local.set $width (i32.add (i32.and (local.get $i) (i32.const -4)) (i32.const 4)))
    (local.set $top (v128.const f32x4 -inf -inf -inf -inf))
    (local.set $j (i32.const 0))
    (loop $max
      (local.set $mask (call $causal_lanes (local.get $j) (local.get $i)))
      (local.set $top
        (f32x4.pmax (local.get $top)
          (v128.bitselect (v128.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))) (v128.const f32x4 -inf -inf -inf -inf) (local.get $mask))))
      (br_if $max (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 4))) (local.get $width))))
    (local.set $peak
      (f32.max (f32.max (f32x4.extract_lane 0 (local.get $top)) (f32x4.extract_lane 1 (local.get $top)))
        (f32.max (f32x4.extract_lane 2 (local.get $top)) (f32x4.extract_lane 3 (local.get $top)))))
    (local.set $sum (v128.const i32x4 0 0 0 0))
    (local.set $j (i32.const 0))
    (loop $exps
      (local.set $v
        (v128.and
          (call $causal_lanes (local.get $j) (local.get $i))
          (call $exp_nonpositive
            (f32x4.mul
              (f32x4.sub (v128.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))) (f32x4.splat (local.get $peak)))
              (f32x4.splat (local.get $scale))))))
      (v128.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))) (local.get $v))
      (local.set $sum (f32x4.add (local.get $sum) (local.get $v)))
      (br_if $exps (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 4))) (local.get $width))))
    (local.set $inv (f32x4.splat (f32.div (f32.const 1) (call $lanes_sum (local.get $sum)))))
    (local.set $j (i32.const 0))
    (loop $normalise
      (v128.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))
        (f32x4.mul (v128.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))) (local.get $inv)))
      (br_if $normalise (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 4))) (local.get $width))))
    (memory.fill
      (i32.add (local.get $row) (i32.shl (local.get $width) (i32.const 2)))
      (i32.const 0)
      (i32.shl (i32.sub (local.get $t) (local.get $width)) (i32.const 2))))

  ;; Forward: qkv [batch * t, 3c] -> y [batch * t, c] and probs [batch * heads, t, t]; $scratch
  ;; holds d * t floats (one head's K^T).
  (func (export "attention")
    (param $qkv i32) (param $y i32) (param $probs i32) (param $scratch i32)
    (param $batch i32) (param $t i32) (param $heads i32) (param $d i32) (param $scale f32)
    (local $c i32) (local $qkv_row i32) (local $y_row i32) (local $p_row i32) (local $b i32) (local $h i32) (local $i i32)
    (local $q i32) (local $y0 i32) (local $p i32)
    (local.set $c (i32.mul (local.get $heads) (local.get $d)))
    (local.set $qkv_row (i32.mul (local.get $c) (i32.const 12)))
    (local.set $y_row (i32.shl (local.get $c) (i32.const 2)))
    (local.set $p_row (i32.shl (local.get $t) (i32.const 2)))
    (local.set $p (local.get $probs))
    (loop $windows
      (local.set $h (i32.const 0))
      (loop $heads
        (local.set $q
          (i32.add (local.get $qkv)
            (i32.add (i32.mul (i32.mul (local.get $b) (local.get $t)) (local.get $qkv_row)) (i32.shl (i32.mul (local.get $h) (local.get $d)) (i32.const 2)))))
        (local.set $y0
          (i32.add (local.get $y)
            (i32.add (i32.mul (i32.mul (local.get $b) (local.get $t)) (local.get $y_row)) (i32.shl (i32.mul (local.get $h) (local.get $d)) (i32.const 2)))))
        ;; K^T [d, t] into the scratch; S = Q K^T into probs (tiles on and below the diagonal).
        (call $transpose (i32.add (local.get $q) (local.get $y_row)) (local.get $qkv_row) (local.get $scratch) (local.get $t) (local.get $d))
        (call $product
          (local.get $q) (local.get $qkv_row) (i32.const 4) (local.get $scratch) (local.get $p_row)
          (local.get $p) (local.get $p_row) (local.get $t) (local.get $t) (local.get $d) (i32.const 1))
        (local.set $i (i32.const 0))
        (loop $rows
          (call $softmax_row (i32.add (local.get $p) (i32.mul (local.get $i) (local.get $p_row))) (local.get $i) (local.get $t) (local.get $scale))
          (br_if $rows (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $t))))
        ;; y = P V, V's rows read in place.
        (call $product
          (local.get $p) (local.get $p_row) (i32.const 4) (i32.add (local.get $q) (i32.shl (local.get $y_row) (i32.const 1))) (local.get $qkv_row)
          (local.get $y0) (local.get $y_row) (local.get $t) (local.get $d) (local.get $t) (i32.const 2))
        (local.set $p (i32.add (local.get $p) (i32.mul (local.get $t) (local.get $p_row))))
        (br_if $heads (i32.lt_u (local.tee $h (i32.add (local.get $h) (i32.const 1))) (local.get $heads))))
      (br_if $windows (i32.lt_u (local.tee $b (i32.add (local.get $b) (i32.const 1))) (local.get $batch)))))

  ;; Backward: from dy [batch * t, c], qkv and probs, d(qkv) [batch * t, 3c] in qkv's layout.
  ;; $scratch holds d * t + t * t floats (one head's V^T, then dP and dS in place):
  ;; dP = dY V^T, dS = P (dP - rowsum(P dP)) scale, dQ = dS K, dK = dS^T Q, dV = P^T dY.
  (func (export "attention_grad")
    (param $dy i32) (param $qkv i32) (param $probs i32) (param $dqkv i32) (param $scratch i32)
    (param $batch i32) (param $t i32) (param $heads i32) (param $d i32) (param $scale f32)
    (local $c i32) (local $qkv_row i32) (local $y_row i32) (local $p_row i32) (local $b i32) (local $h i32) (local $i i32) (local $j i32)
    (local $head_bytes i32) (local $offset i32) (local $q i32) (local $dq i32) (local $dy0 i32) (local $p i32) (local $ds i32)
    (local $prow i32) (local $srow i32) (local $width i32) (local $acc v128) (local $dot v128) (local $s v128)
    (local.set $c (i32.mul (local.get $heads) (local.get $d)))
    (local.set $qkv_row (i32.mul (local.get $c) (i32.const 12)))
    (local.set $y_row (i32.shl (local.get $c) (i32.const 2)))
    (local.set $p_row (i32.shl (local.get $t) (i32.const 2)))
    (local.set $ds (i32.add (local.get $scratch) (i32.mul (local.get $d) (local.get $p_row))))
    (local.set $s (f32x4.splat (local.get $scale)))
    (local.set $p (local.get $probs))
    (loop $windows
      (local.set $h (i32.const 0))
      (loop $heads
        (local.set $head_bytes (i32.shl (i32.mul (local.get $h) (local.get $d)) (i32.const 2)))
        (local.set $offset (i32.add (i32.mul (i32.mul (local.get $b) (local.get $t)) (local.get $qkv_row)) (local.get $head_bytes)))
        (local.set $q (i32.add (local.get $qkv) (local.get $offset)))
        (local.set $dq (i32.add (local.get $dqkv) (local.get $offset)))
        (local.set $dy0
          (i32.add (local.get $dy) (i32.add (i32.mul (i32.mul (local.get $b) (local.get $t)) (local.get $y_row)) (local.get $head_bytes))))
        ;; V^T [d, t]; dP = dY V^T (tiles on and below the diagonal).
        (call $transpose (i32.add (local.get $q) (i32.shl (local.get $y_row) (i32.const 1))) (local.get $qkv_row) (local.get $scratch) (local.get $t) (local.get $d))
        (call $product
          (local.get $dy0) (local.get $y_row) (i32.const 4) (local.get $scratch) (local.get $p_row)
          (local.get $ds) (local.get $p_row) (local.get $t) (local.get $t) (local.get $d) (i32.const 1))
        ;; dS row by row over the computed columns (P is zero beyond i there), zeros beyond.
        (local.set $i (i32.const 0))
        (loop $rows
          (local.set $prow (i32.add (local.get $p) (i32.mul (local.get $i) (local.get $p_row))))
          (local.set $srow (i32.add (local.get $ds) (i32.mul (local.get $i) (local.get $p_row))))
          (local.set $width (i32.shl (i32.add (i32.and (local.get $i) (i32.const -4)) (i32.const 4)) (i32.const 2)))
          (local.set $acc (v128.const i32x4 0 0 0 0))
          (local.set $j (i32.const 0))
          (loop $dots
            (local.set $acc
              (f32x4.add (local.get $acc)
                (f32x4.mul (v128.load (i32.add (local.get $prow) (local.get $j))) (v128.load (i32.add (local.get $srow) (local.get $j))))))
            (br_if $dots (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 16))) (local.get $width))))
          (local.set $dot (f32x4.splat (call $lanes_sum (local.get $acc))))
          (local.set $j (i32.const 0))
          (loop $grads
            (v128.store (i32.add (local.get $srow) (local.get $j))
              (f32x4.mul
                (f32x4.mul (v128.load (i32.add (local.get $prow) (local.get $j)))
                  (f32x4.sub (v128.load (i32.add (local.get $srow) (local.get $j))) (local.get $dot)))
                (local.get $s)))
            (br_if $grads (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 16))) (local.get $width))))
          (memory.fill (i32.add (local.get $srow) (local.get $width)) (i32.const 0) (i32.sub (local.get $p_row) (local.get $width)))
          (br_if $rows (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $t))))
        ;; dQ = dS K, dK = dS^T Q, dV = P^T dY.
        (call $product
          (local.get $ds) (local.get $p_row) (i32.const 4) (i32.add (local.get $q) (local.get $y_row)) (local.get $qkv_row)
          (local.get $dq) (local.get $qkv_row) (local.get $t) (local.get $d) (local.get $t) (i32.const 2))
        (call $product
          (local.get $ds) (i32.const 4) (local.get $p_row) (local.get $q) (local.get $qkv_row)
          (i32.add (local.get $dq) (local.get $y_row)) (local.get $qkv_row) (local.get $t) (local.get $d) (local.get $t) (i32.const 3))
        (call $product
          (local.get $p) (i32.const 4) (local.get $p_row) (local.get $dy0) (local.get $y_row)
          (i32.add (local.get $dq) (i32.shl (local.get $y_row) (i32.const 1))) (local.get $qkv_row) (local.get $t) (local.get $d) (local.get $t) (i32.const 3))
        (local.set $p (i32.add (local.get $p) (i32.mul (local.get $t) (local.get $p_row))))
        (br_if $heads (i32.lt_u (local.tee $h (i32.add (local.get $h) (i32.const 1))) (local.get $heads))))
      (br_if $windows (i32.lt_u (local.tee $b (i32.add (local.get $b) (i32.const 1))) (local.get $batch)))))

  ;; Decoding (kv-cache.ts): one new query per group attends over the first $len positions of a
  ;; key cache and a value cache laid out [T, groups, d] (position-major: a new position is one
  ;; contiguous row of groups * d floats, written in place): for each group,
  ;; y = sum_j softmax_j(K[j] . q) V[j]. The scale is already in q (decode-weights.ts). Nothing
  ;; of size len is copied or materialised but the scores, in $scratch ($len rounded up to 4 floats).
  (func (export "decode_attention")
    (param $q i32) (param $keys i32) (param $values i32) (param $y i32) (param $scratch i32)
    (param $groups i32) (param $d i32) (param $len i32)
    (local $row i32) (local $head i32) (local $g i32) (local $j i32) (local $k i32) (local $width i32)
    (local $qp i32) (local $kp i32) (local $yp i32) (local $sp i32)
    (local $acc v128) (local $v v128) (local $sum v128) (local $peak f32) (local $score f32) (local $p v128)
    (local.set $row (i32.shl (i32.mul (local.get $groups) (local.get $d)) (i32.const 2)))
    (local.set $head (i32.shl (local.get $d) (i32.const 2)))
    (local.set $width (i32.and (i32.add (local.get $len) (i32.const 3)) (i32.const -4)))
    (loop $each_group
      (local.set $qp (i32.add (local.get $q) (i32.mul (local.get $g) (local.get $head))))
      (local.set $yp (i32.add (local.get $y) (i32.mul (local.get $g) (local.get $head))))
      ;; Scores K[j] . q and their peak.
      (local.set $peak (f32.const -inf))
      (local.set $kp (i32.add (local.get $keys) (i32.mul (local.get $g) (local.get $head))))
      (local.set $j (i32.const 0))
      (loop $scores
        (local.set $acc (v128.const i32x4 0 0 0 0))
        (local.set $k (i32.const 0))
        (loop $dot
          (local.set $acc
            (f32x4.add (local.get $acc)
              (f32x4.mul (v128.load (i32.add (local.get $kp) (local.get $k))) (v128.load (i32.add (local.get $qp) (local.get $k))))))
          (br_if $dot (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 16))) (local.get $head))))
        (local.set $score (call $lanes_sum (local.get $acc)))
        (f32.store (i32.add (local.get $scratch) (i32.shl (local.get $j) (i32.const 2))) (local.get $score))
        (local.set $peak (f32.max (local.get $peak) (local.get $score)))
        (local.set $kp (i32.add (local.get $kp) (local.get $row)))
        (br_if $scores (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $len))))
      ;; exp(score - peak), four at a time; the lanes past len weigh nothing.
      (local.set $sum (v128.const i32x4 0 0 0 0))
      (local.set $j (i32.const 0))
      (loop $exps
        (local.set $sp (i32.add (local.get $scratch) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $v
          (v128.and
            (call $causal_lanes (local.get $j) (i32.sub (local.get $len) (i32.const 1)))
            (call $exp_nonpositive (f32x4.sub (v128.load (local.get $sp)) (f32x4.splat (local.get $peak))))))
        (v128.store (local.get $sp) (local.get $v))
        (local.set $sum (f32x4.add (local.get $sum) (local.get $v)))
        (br_if $exps (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 4))) (local.get $width))))
      ;; y = (sum_j e_j V[j]) / sum_j e_j, accumulated in y's row.
      (memory.fill (local.get $yp) (i32.const 0) (local.get $head))
      (local.set $kp (i32.add (local.get $values) (i32.mul (local.get $g) (local.get $head))))
      (local.set $j (i32.const 0))
      (loop $weighted
        (local.set $p (v128.load32_splat (i32.add (local.get $scratch) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $k (i32.const 0))
        (loop $axpy
          (v128.store (i32.add (local.get $yp) (local.get $k))
            (f32x4.add (v128.load (i32.add (local.get $yp) (local.get $k)))
              (f32x4.mul (local.get $p) (v128.load (i32.add (local.get $kp) (local.get $k))))))
          (br_if $axpy (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 16))) (local.get $head))))
        (local.set $kp (i32.add (local.get $kp) (local.get $row)))
        (br_if $weighted (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $len))))
      (local.set $p (f32x4.splat (f32.div (f32.const 1) (call $lanes_sum (local.get $sum)))))
      (local.set $k (i32.const 0))
      (loop $normalise
        (v128.store (i32.add (local.get $yp) (local.get $k)) (f32x4.mul (v128.load (i32.add (local.get $yp) (local.get $k))) (local.get $p)))
        (br_if $normalise (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 16))) (local.get $head))))
      (br_if $each_group (i32.lt_u (local.tee $g (i32.add (local.get $g) (i32.const 1))) (local.get $groups))))))
