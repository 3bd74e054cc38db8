package v1alpha1

import (
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// OfferType says what a ServiceOffer sells.
// +kubebuilder:validation:Enum=inference;http
type OfferType string

// Offer types.
const (
	// OfferTypeInference sells an OpenAI-compatible model behind the gateway.
	OfferTypeInference OfferType = "inference"
	// OfferTypeHTTP sells any HTTP service.
	OfferTypeHTTP OfferType = "http"
)

// TransferMethod is how a token moves under the x402 exact scheme on EVM.
// +kubebuilder:validation:Enum=eip3009;permit2
type TransferMethod string

// Transfer methods.
const (
	// TransferEIP3009 is transferWithAuthorization (USDC and other EIP-3009 tokens).
	TransferEIP3009 TransferMethod = "eip3009"
	// TransferPermit2 is Permit2 witness transfer through the x402 proxy (any ERC-20).
	TransferPermit2 TransferMethod = "permit2"
)

// SchemeExact is the only x402 scheme obol sells with.
const SchemeExact = "exact"

// Defaults applied when a field is left empty.
const (
	// DefaultDrainGracePeriod is how long a draining offer keeps serving when
	// spec.drainGracePeriod is not set.
	DefaultDrainGracePeriod = time.Hour
	// DefaultMaxTimeoutSeconds is the x402 validity window when
	// payment.maxTimeoutSeconds is not set.
	DefaultMaxTimeoutSeconds = 300
	// DefaultHealthPathHTTP is the upstream probe path of an http offer.
	DefaultHealthPathHTTP = "/health"
	// DefaultHealthPathInference is the upstream probe path of an inference offer.
	DefaultHealthPathInference = "/v1/models"
	// ServicesPathPrefix is where offers live by default: /services/<name>.
	ServicesPathPrefix = "/services"
)

// ServiceOfferSpec is what the seller asks for.
type ServiceOfferSpec struct {
	// Type is what is sold: an inference model or an HTTP service.
	// +kubebuilder:validation:Required
	Type OfferType `json:"type"`

	// Model is the model sold (type inference only).
	// +optional
	Model *ModelSpec `json:"model,omitempty"`

	// Upstream is where paid requests are forwarded.
	// +kubebuilder:validation:Required
	Upstream UpstreamSpec `json:"upstream"`

	// Path is the public path prefix of the offer; default /services/<name>.
	// Reserved roots (/api, /openapi.json, /skill.md, /.well-known, /rpc,
	// /v1, /admin and / itself) are refused.
	// +kubebuilder:validation:Pattern=`^/[a-zA-Z0-9/_.-]*$`
	// +kubebuilder:validation:MaxLength=512
	// +optional
	Path string `json:"path,omitempty"`

	// Payment is the primary way to pay; it is the first entry of the 402's accepts[].
	// +kubebuilder:validation:Required
	Payment PaymentOption `json:"payment"`

	// Payments are further ways to pay (another token or network), each
	// listed in accepts[] after the primary one.
	// +kubebuilder:validation:MaxItems=16
	// +optional
	Payments []PaymentOption `json:"payments,omitempty"`

	// Registration controls the ERC-8004 agent registration.
	// +optional
	Registration *RegistrationSpec `json:"registration,omitempty"`

	// Listing controls how the offer appears in the catalogs.
	// +optional
	Listing *ListingSpec `json:"listing,omitempty"`

	// DrainAt starts a drain: from then until DrainAt+DrainGracePeriod the
	// offer still serves and settles and every catalog shows drainEndsAt;
	// after it the route is removed and the offer leaves every catalog.
	// +optional
	DrainAt *metav1.Time `json:"drainAt,omitempty"`

	// DrainGracePeriod is how long the drain lasts; default 1h, 0s tears the
	// route down on the next reconcile.
	// +kubebuilder:validation:Type=string
	// +kubebuilder:validation:Format=duration
	// +optional
	DrainGracePeriod *metav1.Duration `json:"drainGracePeriod,omitempty"`
}

// ModelSpec names the model of an inference offer.
type ModelSpec struct {
	// Name is the model id as the gateway (and the buyer) knows it.
	// +kubebuilder:validation:MinLength=1
	// +kubebuilder:validation:MaxLength=256
	Name string `json:"name"`
}

// UpstreamSpec is where the seller forwards paid requests. Embedded mode
// uses URL; Kubernetes mode uses Service/Namespace/Port.
type UpstreamSpec struct {
	// URL is the upstream's base URL (embedded mode).
	// +kubebuilder:validation:MaxLength=2048
	// +optional
	URL string `json:"url,omitempty"`

	// Service is the Kubernetes Service name of the upstream.
	// +optional
	Service string `json:"service,omitempty"`

	// Namespace of Service; default the offer's namespace.
	// +optional
	Namespace string `json:"namespace,omitempty"`

	// Port of Service.
	// +kubebuilder:validation:Minimum=1
	// +kubebuilder:validation:Maximum=65535
	// +optional
	Port int32 `json:"port,omitempty"`

	// HealthPath is probed for UpstreamHealthy; default /v1/models for
	// inference and /health for http.
	// +kubebuilder:validation:Pattern=`^/[^\s]*$`
	// +optional
	HealthPath string `json:"healthPath,omitempty"`
}

// PaymentOption is one entry of the 402's accepts[].
type PaymentOption struct {
	// Scheme is the x402 scheme; only exact.
	// +kubebuilder:validation:Enum=exact
	// +kubebuilder:default=exact
	// +optional
	Scheme string `json:"scheme,omitempty"`

	// Network is a network alias (devnet, base-sepolia, base, ethereum) or a
	// CAIP-2 id (eip155:84532).
	// +kubebuilder:validation:MinLength=1
	Network string `json:"network"`

	// PayTo is the address that receives the payment.
	// +kubebuilder:validation:Pattern=`^0x[0-9a-fA-F]{40}$`
	PayTo string `json:"payTo"`

	// MaxTimeoutSeconds is the x402 validity window; default 300.
	// +kubebuilder:validation:Minimum=1
	// +kubebuilder:validation:Maximum=86400
	// +optional
	MaxTimeoutSeconds int64 `json:"maxTimeoutSeconds,omitempty"`

	// Asset is the token paid with; default the network's USDC.
	// +optional
	Asset *AssetSpec `json:"asset,omitempty"`

	// Price is what one request (or one million tokens) costs, in token units.
	Price PriceSpec `json:"price"`
}

// AssetSpec is the token an option is paid in.
type AssetSpec struct {
	// Address is the token contract.
	// +kubebuilder:validation:Pattern=`^0x[0-9a-fA-F]{40}$`
	// +optional
	Address string `json:"address,omitempty"`

	// Symbol is the token's display symbol (USDC, OBOL).
	// +kubebuilder:validation:MaxLength=32
	// +optional
	Symbol string `json:"symbol,omitempty"`

	// Decimals of the token; nil means "the registry's value".
	// +kubebuilder:validation:Minimum=0
	// +kubebuilder:validation:Maximum=255
	// +optional
	Decimals *int32 `json:"decimals,omitempty"`

	// TransferMethod is eip3009 or permit2.
	// +optional
	TransferMethod TransferMethod `json:"transferMethod,omitempty"`

	// EIP712Name is the token's EIP-712 domain name (not always name()).
	// +optional
	EIP712Name string `json:"eip712Name,omitempty"`

	// EIP712Version is the token's EIP-712 domain version.
	// +optional
	EIP712Version string `json:"eip712Version,omitempty"`
}

// PriceSpec holds exactly one price, as a decimal string in token units
// ("0.001"), never a float.
type PriceSpec struct {
	// PerRequest is the price of one request.
	// +kubebuilder:validation:Pattern=`^(0|[1-9][0-9]*)(\.[0-9]+)?$`
	// +optional
	PerRequest string `json:"perRequest,omitempty"`

	// PerMTok is the price of one million tokens (inference only).
	// +kubebuilder:validation:Pattern=`^(0|[1-9][0-9]*)(\.[0-9]+)?$`
	// +optional
	PerMTok string `json:"perMTok,omitempty"`
}

// RegistrationSpec controls ERC-8004 registration of the seller's agent.
type RegistrationSpec struct {
	// Enabled publishes the offer in the agent registration document.
	// +optional
	Enabled bool `json:"enabled,omitempty"`

	// Name overrides the agent name.
	// +kubebuilder:validation:MaxLength=128
	// +optional
	Name string `json:"name,omitempty"`

	// Description of the service, shown in every catalog.
	// +kubebuilder:validation:MaxLength=2048
	// +optional
	Description string `json:"description,omitempty"`

	// Skills are OASF skill paths.
	// +kubebuilder:validation:MaxItems=64
	// +optional
	Skills []string `json:"skills,omitempty"`

	// Domains are OASF domain paths.
	// +kubebuilder:validation:MaxItems=64
	// +optional
	Domains []string `json:"domains,omitempty"`
}

// ListingSpec is cosmetic: where and in which order the offer is listed.
type ListingSpec struct {
	// Category groups offers in storefronts.
	// +kubebuilder:validation:MaxLength=64
	// +optional
	Category string `json:"category,omitempty"`

	// Weight sorts offers: higher first, then by name.
	// +optional
	Weight int32 `json:"weight,omitempty"`
}

// ServiceOfferStatus is what the reconciler observed.
type ServiceOfferStatus struct {
	// ObservedGeneration is the spec generation the conditions describe.
	// +optional
	ObservedGeneration int64 `json:"observedGeneration,omitempty"`

	// Conditions, in order ModelReady, UpstreamHealthy, PaymentGateReady,
	// RoutePublished, Registered, Draining, Ready.
	// +listType=map
	// +listMapKey=type
	// +optional
	Conditions []metav1.Condition `json:"conditions,omitempty"`

	// Endpoint is the effective public path of the offer.
	// +optional
	Endpoint string `json:"endpoint,omitempty"`

	// AgentID is the ERC-8004 token id, as a decimal string.
	// +optional
	AgentID string `json:"agentId,omitempty"`

	// RegistrationTxHash is the transaction that registered the agent.
	// +optional
	RegistrationTxHash string `json:"registrationTxHash,omitempty"`
}

// ServiceOffer puts a model or an HTTP service behind an x402 paywall.
//
// +kubebuilder:object:root=true
// +kubebuilder:subresource:status
// +kubebuilder:resource:shortName=so,categories=obol
// +kubebuilder:printcolumn:name="Type",type=string,JSONPath=`.spec.type`
// +kubebuilder:printcolumn:name="Model",type=string,JSONPath=`.spec.model.name`
// +kubebuilder:printcolumn:name="Price",type=string,JSONPath=`.spec.payment.price.perRequest`
// +kubebuilder:printcolumn:name="Network",type=string,JSONPath=`.spec.payment.network`
// +kubebuilder:printcolumn:name="Ready",type=string,JSONPath=`.status.conditions[?(@.type=="Ready")].status`
// +kubebuilder:printcolumn:name="Age",type=date,JSONPath=`.metadata.creationTimestamp`
type ServiceOffer struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec   ServiceOfferSpec   `json:"spec,omitempty"`
	Status ServiceOfferStatus `json:"status,omitempty"`
}

// ServiceOfferList is a list of ServiceOffers.
//
// +kubebuilder:object:root=true
type ServiceOfferList struct {
	metav1.TypeMeta `json:",inline"`
	metav1.ListMeta `json:"metadata,omitempty"`
	Items           []ServiceOffer `json:"items"`
}

// EffectivePath is the public path prefix: spec.path without a trailing
// slash, or /services/<name>.
func (o *ServiceOffer) EffectivePath() string {
	p := o.Spec.Path
	for len(p) > 1 && p[len(p)-1] == '/' {
		p = p[:len(p)-1]
	}
	if p == "" {
		return ServicesPathPrefix + "/" + o.Name
	}
	return p
}

// EffectiveType is spec.type, defaulting to http.
func (o *ServiceOffer) EffectiveType() OfferType {
	if o.Spec.Type == "" {
		return OfferTypeHTTP
	}
	return o.Spec.Type
}

// EffectiveHealthPath is upstream.healthPath or the type's default.
func (o *ServiceOffer) EffectiveHealthPath() string {
	if o.Spec.Upstream.HealthPath != "" {
		return o.Spec.Upstream.HealthPath
	}
	if o.EffectiveType() == OfferTypeInference {
		return DefaultHealthPathInference
	}
	return DefaultHealthPathHTTP
}

// PaymentOptions is every way to pay, primary first: the order of accepts[].
func (o *ServiceOffer) PaymentOptions() []PaymentOption {
	out := make([]PaymentOption, 0, 1+len(o.Spec.Payments))
	out = append(out, o.Spec.Payment)
	return append(out, o.Spec.Payments...)
}

// EffectiveMaxTimeoutSeconds is maxTimeoutSeconds or its default.
func (p PaymentOption) EffectiveMaxTimeoutSeconds() int64 {
	if p.MaxTimeoutSeconds <= 0 {
		return DefaultMaxTimeoutSeconds
	}
	return p.MaxTimeoutSeconds
}

// IsDraining reports whether a drain was asked for (drainAt is set).
func (o *ServiceOffer) IsDraining() bool { return o.Spec.DrainAt != nil }

// EffectiveDrainGracePeriod is drainGracePeriod or the 1h default.
func (o *ServiceOffer) EffectiveDrainGracePeriod() time.Duration {
	if o.Spec.DrainGracePeriod == nil {
		return DefaultDrainGracePeriod
	}
	return o.Spec.DrainGracePeriod.Duration
}

// DrainEndsAt is drainAt plus the grace period, or the zero time when the
// offer is not draining.
func (o *ServiceOffer) DrainEndsAt() time.Time {
	if o.Spec.DrainAt == nil {
		return time.Time{}
	}
	return o.Spec.DrainAt.Add(o.EffectiveDrainGracePeriod()).UTC()
}

// DrainExpired reports whether the drain has ended at now. The end instant
// itself counts as ended, so a zero grace period tears down at drainAt.
func (o *ServiceOffer) DrainExpired(now time.Time) bool {
	return o.IsDraining() && !now.Before(o.DrainEndsAt())
}

// DrainingAt reports whether the offer is inside its drain window at now:
// still serving, but showing drainEndsAt everywhere.
func (o *ServiceOffer) DrainingAt(now time.Time) bool {
	return o.IsDraining() && !o.DrainExpired(now)
}

// IsDeleting reports whether deletion was requested and finalizers hold it.
func (o *ServiceOffer) IsDeleting() bool { return o.DeletionTimestamp != nil }
