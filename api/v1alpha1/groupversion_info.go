package v1alpha1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// GroupVersion is the API group and version of every kind in this package.
var GroupVersion = schema.GroupVersion{Group: "obol.org", Version: "v1alpha1"}

// Kind names, as they appear in TypeMeta.
const (
	KindServiceOffer        = "ServiceOffer"
	KindServiceOfferList    = "ServiceOfferList"
	KindPurchaseRequest     = "PurchaseRequest"
	KindPurchaseRequestList = "PurchaseRequestList"
)

// AddToScheme registers the kinds of this package in a runtime.Scheme. It is
// a function rather than a SchemeBuilder variable so the package keeps no
// mutable state.
func AddToScheme(s *runtime.Scheme) error {
	s.AddKnownTypes(GroupVersion,
		&ServiceOffer{}, &ServiceOfferList{},
		&PurchaseRequest{}, &PurchaseRequestList{},
	)
	metav1.AddToGroupVersion(s, GroupVersion)
	return nil
}

// TypeMetaServiceOffer is the TypeMeta every stored ServiceOffer carries.
func TypeMetaServiceOffer() metav1.TypeMeta {
	return metav1.TypeMeta{APIVersion: GroupVersion.String(), Kind: KindServiceOffer}
}

// TypeMetaPurchaseRequest is the TypeMeta every stored PurchaseRequest carries.
func TypeMetaPurchaseRequest() metav1.TypeMeta {
	return metav1.TypeMeta{APIVersion: GroupVersion.String(), Kind: KindPurchaseRequest}
}
