// Package bindings holds the abigen (v1) bindings of obol's contracts,
// generated from ../artifacts/combined.json by `make contracts`. Do not edit
// bindings.go by hand.
package bindings
