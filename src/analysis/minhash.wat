;; MinHash's inner loop (src/analysis/minhash.ts): for each of 128 multiply-add permutations of the
;; shingles' hashes, the least value, four permutations to a SIMD lane group and sixteen to a pass
;; over the hashes, each group's least values held in registers. The arithmetic is JavaScript's
;; (Math.imul(x, m) + s) >>> 0, so the signatures are exactly the ones computed there.
;; scripts/build-kernels.ts compiles it into src/analysis/minhash-wasm.ts.
(module
  (memory (export "memory") 1)
  ;; Memory: the 128 multipliers at 0, the 128 seeds at 512, the signature at 1024 (each least value
  ;; so far, lowered in place, so a long text goes through in chunks), and `count` shingle hashes
  ;; from 1536 (uint32 each).
  (func (export "least") (param $count i32)
    (local $pass i32) (local $p i32) (local $end i32) (local $x v128)
    (local $m0 v128) (local $m1 v128) (local $m2 v128) (local $m3 v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local.set $end (i32.add (i32.const 1536) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $pass (i32.const 0))
    (loop $passes
      (local.set $m0 (v128.load offset=0 (local.get $pass)))
      (local.set $m1 (v128.load offset=16 (local.get $pass)))
      (local.set $m2 (v128.load offset=32 (local.get $pass)))
      (local.set $m3 (v128.load offset=48 (local.get $pass)))
      (local.set $s0 (v128.load offset=512 (local.get $pass)))
      (local.set $s1 (v128.load offset=528 (local.get $pass)))
      (local.set $s2 (v128.load offset=544 (local.get $pass)))
      (local.set $s3 (v128.load offset=560 (local.get $pass)))
      (local.set $b0 (v128.load offset=1024 (local.get $pass)))
      (local.set $b1 (v128.load offset=1040 (local.get $pass)))
      (local.set $b2 (v128.load offset=1056 (local.get $pass)))
      (local.set $b3 (v128.load offset=1072 (local.get $pass)))
      (local.set $p (i32.const 1536))
      (block $done
        (loop $shingles
          (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
          (local.set $x (v128.load32_splat (local.get $p)))
          (local.set $b0 (i32x4.min_u (local.get $b0) (i32x4.add (i32x4.mul (local.get $x) (local.get $m0)) (local.get $s0))))
          (local.set $b1 (i32x4.min_u (local.get $b1) (i32x4.add (i32x4.mul (local.get $x) (local.get $m1)) (local.get $s1))))
          (local.set $b2 (i32x4.min_u (local.get $b2) (i32x4.add (i32x4.mul (local.get $x) (local.get $m2)) (local.get $s2))))
          (local.set $b3 (i32x4.min_u (local.get $b3) (i32x4.add (i32x4.mul (local.get $x) (local.get $m3)) (local.get $s3))))
          (local.set $p (i32.add (local.get $p) (i32.const 4)))
          (br $shingles)))
      (v128.store offset=1024 (local.get $pass) (local.get $b0))
      (v128.store offset=1040 (local.get $pass) (local.get $b1))
      (v128.store offset=1056 (local.get $pass) (local.get $b2))
      (v128.store offset=1072 (local.get $pass) (local.get $b3))
      (local.set $pass (i32.add (local.get $pass) (i32.const 64)))
      (br_if $passes (i32.lt_u (local.get $pass) (i32.const 512)))))
)
