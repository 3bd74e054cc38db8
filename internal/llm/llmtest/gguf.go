package llmtest

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
)

// GGUF value types (GGUF v3).
const (
	ggufUint32  = 4
	ggufInt32   = 5
	ggufFloat32 = 6
	ggufString  = 8
	ggufArray   = 9
)

// tinyWords are the whole-word pieces of the tiny vocabulary.
var tinyWords = []string{"▁hello", "▁world", "▁the", "▁a", "▁obol", "▁model", "▁yes", "▁no", "▁ok", "▁is", "▁of", "▁to", "▁and", "▁in", "▁it"}

// Tiny model shape: a 2-block llama with d=64, enough for Ollama to load and
// generate (gibberish, but real tokens and real token counts).
const (
	tinyDim    = 64
	tinyFF     = 128
	tinyBlocks = 2
	tinyHeads  = 4
	ggufAlign  = 32
)

// WriteTinyGGUF writes a random-weight llama-architecture GGUF model of
// about 0.5 MB to path. The weights come from a fixed seed, so the file is
// the same every time.
func WriteTinyGGUF(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create gguf: %w", err)
	}
	w := bufio.NewWriter(f)
	if err := writeTinyGGUF(w); err != nil {
		f.Close()
		return fmt.Errorf("write gguf: %w", err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write gguf: %w", err)
	}
	return f.Close()
}

type ggufTensor struct {
	name string
	dims []uint64
	fill func(i int) float32
}

type ggufWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (g *ggufWriter) raw(v any) {
	if g.err != nil {
		return
	}
	g.err = binary.Write(g.w, binary.LittleEndian, v)
	g.n += int64(binary.Size(v))
}

func (g *ggufWriter) str(s string) {
	g.raw(uint64(len(s)))
	if g.err == nil {
		var n int
		n, g.err = io.WriteString(g.w, s)
		g.n += int64(n)
	}
}

func (g *ggufWriter) pad() {
	for g.n%ggufAlign != 0 {
		g.raw(uint8(0))
	}
}

func writeTinyGGUF(out io.Writer) error {
	tokens := []string{"<unk>", "<s>", "</s>"}
	types := []int32{2, 3, 3}
	for b := 0; b < 256; b++ {
		tokens = append(tokens, fmt.Sprintf("<0x%02X>", b))
		types = append(types, 6)
	}
	for _, w := range tinyWords {
		tokens = append(tokens, w)
		types = append(types, 1)
	}
	vocab := uint64(len(tokens))
	scores := make([]float32, vocab)
	for i := range scores {
		scores[i] = -float32(i)
	}
	rng := rand.New(rand.NewPCG(42, 4242))
	random := func(int) float32 { return float32(rng.NormFloat64() * 0.05) }
	one := func(int) float32 { return 1 }
	tensors := []ggufTensor{
		{"token_embd.weight", []uint64{tinyDim, vocab}, random},
		{"output_norm.weight", []uint64{tinyDim}, one},
		{"output.weight", []uint64{tinyDim, vocab}, random},
	}
	for b := 0; b < tinyBlocks; b++ {
		p := fmt.Sprintf("blk.%d.", b)
		tensors = append(tensors,
			ggufTensor{p + "attn_norm.weight", []uint64{tinyDim}, one},
			ggufTensor{p + "attn_q.weight", []uint64{tinyDim, tinyDim}, random},
			ggufTensor{p + "attn_k.weight", []uint64{tinyDim, tinyDim}, random},
			ggufTensor{p + "attn_v.weight", []uint64{tinyDim, tinyDim}, random},
			ggufTensor{p + "attn_output.weight", []uint64{tinyDim, tinyDim}, random},
			ggufTensor{p + "ffn_norm.weight", []uint64{tinyDim}, one},
			ggufTensor{p + "ffn_gate.weight", []uint64{tinyDim, tinyFF}, random},
			ggufTensor{p + "ffn_up.weight", []uint64{tinyDim, tinyFF}, random},
			ggufTensor{p + "ffn_down.weight", []uint64{tinyFF, tinyDim}, random},
		)
	}
	g := &ggufWriter{w: out}
	type kv struct {
		key string
		put func()
	}
	u32 := func(v uint32) func() { return func() { g.raw(uint32(ggufUint32)); g.raw(v) } }
	f32 := func(v float32) func() { return func() { g.raw(uint32(ggufFloat32)); g.raw(v) } }
	s := func(v string) func() { return func() { g.raw(uint32(ggufString)); g.str(v) } }
	kvs := []kv{
		{"general.architecture", s("llama")},
		{"general.name", s("obol-tiny")},
		{"llama.context_length", u32(512)},
		{"llama.embedding_length", u32(tinyDim)},
		{"llama.feed_forward_length", u32(tinyFF)},
		{"llama.block_count", u32(tinyBlocks)},
		{"llama.attention.head_count", u32(tinyHeads)},
		{"llama.attention.head_count_kv", u32(tinyHeads)},
		{"llama.attention.key_length", u32(tinyDim / tinyHeads)},
		{"llama.attention.value_length", u32(tinyDim / tinyHeads)},
		{"llama.rope.dimension_count", u32(tinyDim / tinyHeads)},
		{"llama.rope.freq_base", f32(10000)},
		{"llama.attention.layer_norm_rms_epsilon", f32(1e-5)},
		{"tokenizer.ggml.model", s("llama")},
		{"tokenizer.ggml.tokens", func() {
			g.raw(uint32(ggufArray))
			g.raw(uint32(ggufString))
			g.raw(vocab)
			for _, t := range tokens {
				g.str(t)
			}
		}},
		{"tokenizer.ggml.scores", func() {
			g.raw(uint32(ggufArray))
			g.raw(uint32(ggufFloat32))
			g.raw(vocab)
			g.raw(scores)
		}},
		{"tokenizer.ggml.token_type", func() {
			g.raw(uint32(ggufArray))
			g.raw(uint32(ggufInt32))
			g.raw(vocab)
			g.raw(types)
		}},
		{"tokenizer.ggml.bos_token_id", u32(1)},
		{"tokenizer.ggml.eos_token_id", u32(2)},
		{"tokenizer.ggml.unknown_token_id", u32(0)},
	}
	g.raw([4]byte{'G', 'G', 'U', 'F'})
	g.raw(uint32(3))
	g.raw(uint64(len(tensors)))
	g.raw(uint64(len(kvs)))
	for _, e := range kvs {
		g.str(e.key)
		e.put()
	}
	var offset uint64
	for _, t := range tensors {
		g.str(t.name)
		g.raw(uint32(len(t.dims)))
		g.raw(t.dims)
		g.raw(uint32(0)) // F32
		g.raw(offset)
		offset += align(elems(t.dims) * 4)
	}
	g.pad()
	for _, t := range tensors {
		n := elems(t.dims)
		data := make([]float32, n)
		for i := range data {
			data[i] = t.fill(i)
			if math.IsNaN(float64(data[i])) {
				data[i] = 0
			}
		}
		g.raw(data)
		g.pad()
	}
	return g.err
}

func elems(dims []uint64) uint64 {
	n := uint64(1)
	for _, d := range dims {
		n *= d
	}
	return n
}

func align(n uint64) uint64 { return (n + ggufAlign - 1) / ggufAlign * ggufAlign }
