;; The cross-product kernel: one block row of G = XᵀX, in 4 × 2 blocks, with 128-bit SIMD (two f64 lanes).
;;
;; This is the readable source of the bytes that cross-product-kernel.ts builds with wasm-emitter.ts (wabt loads
;; asynchronously and the kernel must compile synchronously); test/allocation/linear-algebra/
;; cross-product-kernel.test.ts assembles this file with wabt and checks that both give the same bytes.
;;
;; Memory (imported, shared between the calling thread and its workers) holds, in bytes:
;;   X  at $x: a panel of `$stride` rows of `np` columns, column-major (column c, row i at $x + 8·(c·$stride + i));
;;      np is a multiple of 4 (the caller pads X with zero columns);
;;   G  at $g: np × np, row-major (G[a][b] at $g + 8·(a·np + b)).
;;
;; blockRow(x, stride, r0, r1, g, np, A) adds, for the columns a = 4A … 4A + 3 and every b = 0 … 4A + 3,
;;   G[a][b] += Σ_{i = r0 … r1 − 1} X[i][a] · X[i][b]
;; i.e. the 4 × 2 blocks (A, 0), (A, 1), … (A, 2A + 1) of the lower triangle (the last two also fill upper cells).
;; Each block keeps its 8 sums in 8 f64x2 registers (lane 0: even rows, lane 1: odd rows) and loads the 4 columns of
;; A and one column of B at a time: at most 14 live vectors of the 15 V8 allocates on x64, so nothing spills (3 × 3
;; blocks, with 9 sums, spill one sum and run at half the speed). An odd last row takes the same step with
;; v128.load64_zero (lane 1 = 0); then lane 0 + lane 1 is added into G.
(module
  (import "env" "memory" (memory 1 16384 shared))
  (func (export "blockRow")
    (param $x i32) (param $stride i32) (param $r0 i32) (param $r1 i32) (param $g i32) (param $np i32) (param $A i32)
    (local $col8 i32) (local $np8 i32) (local $len i32) (local $even i32) (local $off i32)
    (local $pa0 i32) (local $pa1 i32) (local $pa2 i32) (local $pa3 i32) (local $pb0 i32) (local $pb1 i32)
    (local $gp i32) (local $gr i32) (local $bq i32) (local $bEnd i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $v v128)
    (local $s00 v128) (local $s01 v128) (local $s10 v128) (local $s11 v128)
    (local $s20 v128) (local $s21 v128) (local $s30 v128) (local $s31 v128)

    ;; col8 = 8·stride (bytes from one column to the next); np8 = 8·np (bytes from one row of G to the next)
    local.get $stride
    i32.const 3
    i32.shl
    local.set $col8
    local.get $np
    i32.const 3
    i32.shl
    local.set $np8
    ;; len = 8·(r1 − r0) bytes per column; even = len rounded down to whole pairs of rows (16 bytes)
    local.get $r1
    local.get $r0
    i32.sub
    i32.const 3
    i32.shl
    local.set $len
    local.get $len
    i32.const -16
    i32.and
    local.set $even
    ;; pa0 … pa3 = row r0 of columns 4A … 4A + 3
    local.get $x
    local.get $A
    i32.const 4
    i32.mul
    local.get $col8
    i32.mul
    i32.add
    local.get $r0
    i32.const 3
    i32.shl
    i32.add
    local.tee $pa0
    local.get $col8
    i32.add
    local.tee $pa1
    local.get $col8
    i32.add
    local.tee $pa2
    local.get $col8
    i32.add
    local.set $pa3
    ;; pb0 = row r0 of column 0 (block B = 0)
    local.get $x
    local.get $r0
    i32.const 3
    i32.shl
    i32.add
    local.set $pb0
    ;; gp = G's row 4A; bq = 8·2B (bytes to the block's first column), up to bEnd = 8·(4A + 4)
    local.get $g
    local.get $A
    i32.const 4
    i32.mul
    local.get $np8
    i32.mul
    i32.add
    local.set $gp
    local.get $A
    i32.const 32
    i32.mul
    i32.const 32
    i32.add
    local.set $bEnd

    loop $blocks
      ;; pb1 = the block's second column
      local.get $pb0
      local.get $col8
      i32.add
      local.set $pb1
      v128.const i64x2 0 0
      local.set $s00
      v128.const i64x2 0 0
      local.set $s01
      v128.const i64x2 0 0
      local.set $s10
      v128.const i64x2 0 0
      local.set $s11
      v128.const i64x2 0 0
      local.set $s20
      v128.const i64x2 0 0
      local.set $s21
      v128.const i64x2 0 0
      local.set $s30
      v128.const i64x2 0 0
      local.set $s31
      i32.const 0
      local.set $off

      ;; pairs of rows
      block $noPairs
        local.get $even
        i32.eqz
        br_if $noPairs
        loop $rows
          local.get $pa0
          local.get $off
          i32.add
          v128.load
          local.set $a0
          local.get $pa1
          local.get $off
          i32.add
          v128.load
          local.set $a1
          local.get $pa2
          local.get $off
          i32.add
          v128.load
          local.set $a2
          local.get $pa3
          local.get $off
          i32.add
          v128.load
          local.set $a3
          ;; column 2B
          local.get $pb0
          local.get $off
          i32.add
          v128.load
          local.set $v
          local.get $s00
          local.get $a0
          local.get $v
          f64x2.mul
          f64x2.add
          local.set $s00
          local.get $s10
          local.get $a1
          local.get $v
          f64x2.mul
          f64x2.add
          local.set $s10
          local.get $s20
          local.get $a2
          local.get $v
          f64x2.mul
          f64x2.add
          local.set $s20
          local.get $s30
          local.get $a3
          local.get $v
          f64x2.mul
          f64x2.add
          local.set $s30
          ;; column 2B + 1
          local.get $pb1
          local.get $off
          i32.add
          v128.load
          local.set $v
          local.get $s01
          local.get $a0
          local.get $v
          f64x2.mul
          f64x2.add
          local.set $s01
          local.get $s11
          local.get $a1
          local.get $v
          f64x2.mul
          f64x2.add
          local.set $s11
          local.get $s21
          local.get $a2
          local.get $v
          f64x2.mul
          f64x2.add
          local.set $s21
          local.get $s31
          local.get $a3
          local.get $v
          f64x2.mul
          f64x2.add
          local.set $s31
          ;; next pair
          local.get $off
          i32.const 16
          i32.add
          local.tee $off
          local.get $even
          i32.lt_u
          br_if $rows
        end
      end

      ;; an odd last row: the same step with lane 1 = 0
      block $noOddRow
        local.get $len
        local.get $even
        i32.eq
        br_if $noOddRow
        local.get $pa0
        local.get $off
        i32.add
        v128.load64_zero
        local.set $a0
        local.get $pa1
        local.get $off
        i32.add
        v128.load64_zero
        local.set $a1
        local.get $pa2
        local.get $off
        i32.add
        v128.load64_zero
        local.set $a2
        local.get $pa3
        local.get $off
        i32.add
        v128.load64_zero
        local.set $a3
        local.get $pb0
        local.get $off
        i32.add
        v128.load64_zero
        local.set $v
        local.get $s00
        local.get $a0
        local.get $v
        f64x2.mul
        f64x2.add
        local.set $s00
        local.get $s10
        local.get $a1
        local.get $v
        f64x2.mul
        f64x2.add
        local.set $s10
        local.get $s20
        local.get $a2
        local.get $v
        f64x2.mul
        f64x2.add
        local.set $s20
        local.get $s30
        local.get $a3
        local.get $v
        f64x2.mul
        f64x2.add
        local.set $s30
        local.get $pb1
        local.get $off
        i32.add
        v128.load64_zero
        local.set $v
        local.get $s01
        local.get $a0
        local.get $v
        f64x2.mul
        f64x2.add
        local.set $s01
        local.get $s11
        local.get $a1
        local.get $v
        f64x2.mul
        f64x2.add
        local.set $s11
        local.get $s21
        local.get $a2
        local.get $v
        f64x2.mul
        f64x2.add
        local.set $s21
        local.get $s31
        local.get $a3
        local.get $v
        f64x2.mul
        f64x2.add
        local.set $s31
      end

      ;; G[4A + p][2B + q] += lane 0 + lane 1 of s_pq, row p of the block at gr = gp + bq + p·np8
      local.get $gp
      local.get $bq
      i32.add
      local.tee $gr
      local.get $gr
      f64.load
      local.get $s00
      f64x2.extract_lane 0
      local.get $s00
      f64x2.extract_lane 1
      f64.add
      f64.add
      f64.store
      local.get $gr
      local.get $gr
      f64.load offset=8
      local.get $s01
      f64x2.extract_lane 0
      local.get $s01
      f64x2.extract_lane 1
      f64.add
      f64.add
      f64.store offset=8
      local.get $gr
      local.get $np8
      i32.add
      local.tee $gr
      local.get $gr
      f64.load
      local.get $s10
      f64x2.extract_lane 0
      local.get $s10
      f64x2.extract_lane 1
      f64.add
      f64.add
      f64.store
      local.get $gr
      local.get $gr
      f64.load offset=8
      local.get $s11
      f64x2.extract_lane 0
      local.get $s11
      f64x2.extract_lane 1
      f64.add
      f64.add
      f64.store offset=8
      local.get $gr
      local.get $np8
      i32.add
      local.tee $gr
      local.get $gr
      f64.load
      local.get $s20
      f64x2.extract_lane 0
      local.get $s20
      f64x2.extract_lane 1
      f64.add
      f64.add
      f64.store
      local.get $gr
      local.get $gr
      f64.load offset=8
      local.get $s21
      f64x2.extract_lane 0
      local.get $s21
      f64x2.extract_lane 1
      f64.add
      f64.add
      f64.store offset=8
      local.get $gr
      local.get $np8
      i32.add
      local.tee $gr
      local.get $gr
      f64.load
      local.get $s30
      f64x2.extract_lane 0
      local.get $s30
      f64x2.extract_lane 1
      f64.add
      f64.add
      f64.store
      local.get $gr
      local.get $gr
      f64.load offset=8
      local.get $s31
      f64x2.extract_lane 0
      local.get $s31
      f64x2.extract_lane 1
      f64.add
      f64.add
      f64.store offset=8

      ;; next block: columns 2B + 2 …, while 2B < 4A + 4
      local.get $pb1
      local.get $col8
      i32.add
      local.set $pb0
      local.get $bq
      i32.const 16
      i32.add
      local.tee $bq
      local.get $bEnd
      i32.lt_u
      br_if $blocks
    end
  )
)
