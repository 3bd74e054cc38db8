package v1alpha1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// Limits on a purchase.
const (
	// MinPurchaseCount and MaxPurchaseCount bound spec.count.
	MinPurchaseCount = 1
	MaxPurchaseCount = 2500
	// PaidModelPrefix is how the gateway exposes a bought model: paid/<model>.
	PaidModelPrefix = "paid/"
)

// PurchaseRequestSpec is a bounded pool of pre-signed payment
// authorizations for one seller offer. The most the buyer can lose is
// count × price: the pool never holds more than count authorizations, and
// the buyer proxy holds no key to sign more.
type PurchaseRequestSpec struct {
	// Endpoint is the seller's offer URL (https://seller/services/<offer>).
	// +kubebuilder:validation:MinLength=1
	// +kubebuilder:validation:MaxLength=2048
	Endpoint string `json:"endpoint"`

	// Model is the remote model id; the gateway exposes it as paid/<model>.
	// +kubebuilder:validation:MinLength=1
	// +kubebuilder:validation:MaxLength=256
	Model string `json:"model"`

	// Count is how many authorizations the buyer agreed to sign (1..2500).
	// +kubebuilder:validation:Minimum=1
	// +kubebuilder:validation:Maximum=2500
	Count int32 `json:"count"`

	// PreSignedAuths are x402 payment payloads, signed by the wallet before
	// the object was created. At most Count of them.
	// +kubebuilder:validation:MaxItems=2500
	// +optional
	PreSignedAuths []PreSignedAuth `json:"preSignedAuths,omitempty"`

	// Payment is what the seller asked for when the auths were signed.
	Payment PurchasePayment `json:"payment"`

	// AutoRefill records the buyer's refill intent; refilling needs the
	// wallet (obol buy refill), never the reconciler.
	// +optional
	AutoRefill *AutoRefill `json:"autoRefill,omitempty"`
}

// PreSignedAuth is one signed x402 payment payload.
type PreSignedAuth struct {
	// ID identifies the auth in the spent ledger; the authorization nonce.
	// +kubebuilder:validation:MinLength=1
	// +kubebuilder:validation:MaxLength=80
	ID string `json:"id"`

	// Payment is the x402 PaymentPayload (v2: x402Version, accepted,
	// payload; v1 accepted) as a JSON object, sent base64 in the payment header.
	// +kubebuilder:pruning:PreserveUnknownFields
	// +kubebuilder:validation:Schemaless
	// +kubebuilder:validation:Type=object
	Payment runtime.RawExtension `json:"payment"`
}

// PurchasePayment is the payment requirement the auths were signed for.
type PurchasePayment struct {
	// Network is the CAIP-2 id (eip155:84532) or alias.
	// +kubebuilder:validation:MinLength=1
	Network string `json:"network"`

	// PayTo is the seller's receiving address.
	// +kubebuilder:validation:Pattern=`^0x[0-9a-fA-F]{40}$`
	PayTo string `json:"payTo"`

	// Price is the amount per request in atomic units (a decimal integer string).
	// +kubebuilder:validation:Pattern=`^[1-9][0-9]*$`
	Price string `json:"price"`

	// Asset is the token contract address.
	// +kubebuilder:validation:Pattern=`^0x[0-9a-fA-F]{40}$`
	Asset string `json:"asset"`

	// AssetSymbol is the token's display symbol.
	// +optional
	AssetSymbol string `json:"assetSymbol,omitempty"`

	// AssetDecimals is the token's decimals.
	// +kubebuilder:validation:Minimum=0
	// +kubebuilder:validation:Maximum=255
	// +optional
	AssetDecimals int32 `json:"assetDecimals,omitempty"`

	// TransferMethod is eip3009 or permit2.
	// +optional
	TransferMethod TransferMethod `json:"transferMethod,omitempty"`

	// EIP712Name is the token's EIP-712 domain name.
	// +optional
	EIP712Name string `json:"eip712Name,omitempty"`

	// EIP712Version is the token's EIP-712 domain version.
	// +optional
	EIP712Version string `json:"eip712Version,omitempty"`
}

// AutoRefill is the buyer's recorded refill policy.
type AutoRefill struct {
	// Enabled turns the policy on.
	// +optional
	Enabled bool `json:"enabled,omitempty"`

	// Threshold: refill when remaining falls to this many auths.
	// +kubebuilder:validation:Minimum=0
	// +optional
	Threshold int32 `json:"threshold,omitempty"`

	// Count is how many auths one refill signs.
	// +kubebuilder:validation:Minimum=1
	// +kubebuilder:validation:Maximum=2500
	// +optional
	Count int32 `json:"count,omitempty"`

	// MaxTotal caps the auths ever signed for this purchase (0 = no cap).
	// +kubebuilder:validation:Minimum=0
	// +optional
	MaxTotal int32 `json:"maxTotal,omitempty"`
}

// PurchaseRequestStatus is what the purchase reconciler observed.
type PurchaseRequestStatus struct {
	// ObservedGeneration is the spec generation the conditions describe.
	// +optional
	ObservedGeneration int64 `json:"observedGeneration,omitempty"`

	// Conditions, in order Probed, AuthsLoaded, Configured, Ready.
	// +listType=map
	// +listMapKey=type
	// +optional
	Conditions []metav1.Condition `json:"conditions,omitempty"`

	// PublicModel is the gateway model name, paid/<model>.
	// +optional
	PublicModel string `json:"publicModel,omitempty"`

	// Remaining is how many auths are left to spend.
	// +optional
	Remaining int32 `json:"remaining,omitempty"`

	// Spent is how many auths were spent on successful paid answers.
	// +optional
	Spent int32 `json:"spent,omitempty"`

	// TotalSigned is how many auths were loaded into the pool.
	// +optional
	TotalSigned int32 `json:"totalSigned,omitempty"`

	// ProbedAt is when the seller was last probed.
	// +optional
	ProbedAt *metav1.Time `json:"probedAt,omitempty"`

	// ProbedPrice is the atomic price the seller's 402 asked for at ProbedAt.
	// +optional
	ProbedPrice string `json:"probedPrice,omitempty"`
}

// PurchaseRequest buys a bounded number of paid calls to a seller's offer.
//
// +kubebuilder:object:root=true
// +kubebuilder:subresource:status
// +kubebuilder:resource:shortName=pr,categories=obol
// +kubebuilder:printcolumn:name="Endpoint",type=string,JSONPath=`.spec.endpoint`
// +kubebuilder:printcolumn:name="Model",type=string,JSONPath=`.spec.model`
// +kubebuilder:printcolumn:name="Price",type=string,JSONPath=`.spec.payment.price`
// +kubebuilder:printcolumn:name="Remaining",type=integer,JSONPath=`.status.remaining`
// +kubebuilder:printcolumn:name="Spent",type=integer,JSONPath=`.status.spent`
// +kubebuilder:printcolumn:name="Ready",type=string,JSONPath=`.status.conditions[?(@.type=="Ready")].status`
// +kubebuilder:printcolumn:name="Age",type=date,JSONPath=`.metadata.creationTimestamp`
type PurchaseRequest struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec   PurchaseRequestSpec   `json:"spec,omitempty"`
	Status PurchaseRequestStatus `json:"status,omitempty"`
}

// PurchaseRequestList is a list of PurchaseRequests.
//
// +kubebuilder:object:root=true
type PurchaseRequestList struct {
	metav1.TypeMeta `json:",inline"`
	metav1.ListMeta `json:"metadata,omitempty"`
	Items           []PurchaseRequest `json:"items"`
}

// PublicModel is the gateway's name for the bought model.
func (p *PurchaseRequest) PublicModel() string { return PaidModelPrefix + p.Spec.Model }

// IsDeleting reports whether deletion was requested and finalizers hold it.
func (p *PurchaseRequest) IsDeleting() bool { return p.DeletionTimestamp != nil }
