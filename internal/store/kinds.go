package store

import (
	"github.com/obol-dev/obol/api/v1alpha1"
)

// ServiceOfferKind describes ServiceOffers to the generic store.
func ServiceOfferKind() Kind[*v1alpha1.ServiceOffer] {
	return Kind[*v1alpha1.ServiceOffer]{
		TypeMeta:   v1alpha1.TypeMetaServiceOffer(),
		New:        func() *v1alpha1.ServiceOffer { return &v1alpha1.ServiceOffer{} },
		Spec:       func(o *v1alpha1.ServiceOffer) any { return &o.Spec },
		CopySpec:   func(dst, src *v1alpha1.ServiceOffer) { dst.Spec = *src.Spec.DeepCopy() },
		CopyStatus: func(dst, src *v1alpha1.ServiceOffer) { dst.Status = *src.Status.DeepCopy() },
		Validate:   func(o *v1alpha1.ServiceOffer) error { return o.Validate() },
	}
}

// PurchaseRequestKind describes PurchaseRequests to the generic store.
func PurchaseRequestKind() Kind[*v1alpha1.PurchaseRequest] {
	return Kind[*v1alpha1.PurchaseRequest]{
		TypeMeta:   v1alpha1.TypeMetaPurchaseRequest(),
		New:        func() *v1alpha1.PurchaseRequest { return &v1alpha1.PurchaseRequest{} },
		Spec:       func(o *v1alpha1.PurchaseRequest) any { return &o.Spec },
		CopySpec:   func(dst, src *v1alpha1.PurchaseRequest) { dst.Spec = *src.Spec.DeepCopy() },
		CopyStatus: func(dst, src *v1alpha1.PurchaseRequest) { dst.Status = *src.Status.DeepCopy() },
		Validate:   func(o *v1alpha1.PurchaseRequest) error { return o.Validate() },
	}
}
