// Package v1alpha1 holds obol's resources, ServiceOffer and PurchaseRequest,
// in the Kubernetes object shape (group obol.org, version v1alpha1).
//
// One struct is both the CRD schema (through the kubebuilder markers, turned
// into YAML by controller-gen) and the record the embedded store keeps, so
// the embedded and the Kubernetes modes cannot drift apart. The package
// imports apimachinery only: no client-go, no controller-runtime.
//
// Validation that the CRD schema cannot express (reserved paths, decimal
// prices, the drain lifecycle) lives in Validate methods that the CLI, the
// admin API and the reconcilers all call, so a bad offer is refused with the
// same message wherever it enters.
//
// +kubebuilder:object:generate=true
// +groupName=obol.org
package v1alpha1
