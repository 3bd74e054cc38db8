// Code generated - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/event"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = errors.New
	_ = big.NewInt
	_ = strings.NewReader
	_ = ethereum.NotFound
	_ = bind.Bind
	_ = common.Big1
	_ = types.BloomLookup
	_ = event.NewSubscription
	_ = abi.ConvertType
	_ = time.Tick
	_ = context.Background
)

// ISignatureTransferPermitTransferFrom is an auto generated low-level Go binding around an user-defined struct.
type ISignatureTransferPermitTransferFrom struct {
	Permitted ISignatureTransferTokenPermissions
	Nonce     *big.Int
	Deadline  *big.Int
}

// ISignatureTransferSignatureTransferDetails is an auto generated low-level Go binding around an user-defined struct.
type ISignatureTransferSignatureTransferDetails struct {
	To              common.Address
	RequestedAmount *big.Int
}

// ISignatureTransferTokenPermissions is an auto generated low-level Go binding around an user-defined struct.
type ISignatureTransferTokenPermissions struct {
	Token  common.Address
	Amount *big.Int
}

// IdentityRegistryMetadataEntry is an auto generated low-level Go binding around an user-defined struct.
type IdentityRegistryMetadataEntry struct {
	MetadataKey   string
	MetadataValue []byte
}

// X402ExactPermit2ProxyEIP2612Permit is an auto generated low-level Go binding around an user-defined struct.
type X402ExactPermit2ProxyEIP2612Permit struct {
	Value    *big.Int
	Deadline *big.Int
	R        [32]byte
	S        [32]byte
	V        uint8
}

// X402ExactPermit2ProxyWitness is an auto generated low-level Go binding around an user-defined struct.
type X402ExactPermit2ProxyWitness struct {
	To         common.Address
	ValidAfter *big.Int
}

// DevOBOLMetaData contains all meta data concerning the DevOBOL contract.
var DevOBOLMetaData = &bind.MetaData{
	ABI: "[{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"DOMAIN_SEPARATOR\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PERMIT_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name_\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version_\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minter\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"nonces\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"permit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"version\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b506110368061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610106575f3560e01c806340c10f191161009e57806384b0196e1161006e57806384b0196e1461023f57806395d89b411461025a578063a9059cbb14610262578063d505accf14610275578063dd62ed3e14610288575f5ffd5b806340c10f19146101e457806354fd4d50146101f957806370a08231146102015780637ecebe0014610220575f5ffd5b806323b872dd116100d957806323b872dd1461018d57806330adf81f146101a0578063313ce567146101c75780633644e515146101dc575f5ffd5b806306fdde031461010a5780630754617214610128578063095ea7b31461015357806318160ddd14610176575b5f5ffd5b6101126102b2565b60405161011f9190610d40565b60405180910390f35b60085461013b906001600160a01b031681565b6040516001600160a01b03909116815260200161011f565b610166610161366004610d74565b610341565b604051901515815260200161011f565b61017f60045481565b60405190815260200161011f565b61016661019b366004610d9c565b610357565b61017f7f6e71edae12b1b97f4d1f60370fef10105fa2faae0126114a169c64845d6126c981565b60035460405160ff909116815260200161011f565b61017f610426565b6101f76101f2366004610d74565b6104b7565b005b6101126105f8565b61017f61020f366004610dd6565b60056020525f908152604090205481565b61017f61022e366004610dd6565b60076020525f908152604090205481565b610247610607565b60405161011f9796959493929190610def565b610112610776565b610166610270366004610d74565b610785565b6101f7610283366004610e85565b610791565b61017f610296366004610ef2565b600660209081525f928352604080842090915290825290205481565b60605f80546102c090610f23565b80601f01602080910402602001604051908101604052809291908181526020018280546102ec90610f23565b80156103375780601f1061030e57610100808354040283529160200191610337565b820191905f5260205f20905b81548152906001019060200180831161031a57829003601f168201915b5050505050905090565b5f61034d338484610923565b5060015b92915050565b6001600160a01b0383165f9081526006602090815260408083203384529091528120545f19811461041057828110156103e85760405162461bcd60e51b815260206004820152602860248201527f45524332303a207472616e7366657220616d6f756e74206578636565647320616044820152676c6c6f77616e636560c01b60648201526084015b60405180910390fd5b6001600160a01b0385165f908152600660209081526040808320338452909152902083820390555b61041b858585610a46565b506001949350505050565b5f7f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f5f6040516104569190610f5b565b6040518091039020600260405161046d9190610f5b565b60408051918290038220602083019490945281019190915260608101919091524660808201523060a082015260c00160405160208183030381529060405280519060200120905090565b6008546001600160a01b0316331461051c5760405162461bcd60e51b815260206004820152602260248201527f446576546f6b656e3a2063616c6c6572206973206e6f7420746865206d696e7460448201526132b960f11b60648201526084016103df565b6001600160a01b0382166105725760405162461bcd60e51b815260206004820152601f60248201527f45524332303a206d696e7420746f20746865207a65726f20616464726573730060448201526064016103df565b8060045f828254610583919061100b565b90915550506001600160a01b0382165f90815260056020526040812080548392906105af90849061100b565b90915550506040518181526001600160a01b038316905f907fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef9060200160405180910390a35050565b6060600280546102c090610f23565b5f606080828080838160024630838060405190808252806020026020018201604052801561063f578160200160208202803683370190505b50600f60f81b95949392919085805461065790610f23565b80601f016020809104026020016040519081016040528092919081815260200182805461068390610f23565b80156106ce5780601f106106a5576101008083540402835291602001916106ce565b820191905f5260205f20905b8154815290600101906020018083116106b157829003601f168201915b505050505095508480546106e190610f23565b80601f016020809104026020016040519081016040528092919081815260200182805461070d90610f23565b80156107585780601f1061072f57610100808354040283529160200191610758565b820191905f5260205f20905b81548152906001019060200180831161073b57829003601f168201915b50505050509450965096509650965096509650965090919293949596565b6060600180546102c090610f23565b5f61034d338484610a46565b428410156107e15760405162461bcd60e51b815260206004820152601a60248201527f454950323631323a207065726d6974206973206578706972656400000000000060448201526064016103df565b6001600160a01b0387165f90815260076020526040812080547f6e71edae12b1b97f4d1f60370fef10105fa2faae0126114a169c64845d6126c9918a918a918a91908661082d8361101e565b909155506040805160208101969096526001600160a01b0394851690860152929091166060840152608083015260a082015260c0810186905260e0016040516020818303038152906040528051906020012090505f61089661088e83610c13565b868686610c59565b90506001600160a01b038116158015906108c15750886001600160a01b0316816001600160a01b0316145b61090d5760405162461bcd60e51b815260206004820152601a60248201527f454950323631323a20696e76616c6964207369676e617475726500000000000060448201526064016103df565b610918898989610923565b505050505050505050565b6001600160a01b0383166109855760405162461bcd60e51b8152602060048201526024808201527f45524332303a20617070726f76652066726f6d20746865207a65726f206164646044820152637265737360e01b60648201526084016103df565b6001600160a01b0382166109e65760405162461bcd60e51b815260206004820152602260248201527f45524332303a20617070726f766520746f20746865207a65726f206164647265604482015261737360f01b60648201526084016103df565b6001600160a01b038381165f8181526006602090815260408083209487168084529482529182902085905590518481527f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925910160405180910390a3505050565b6001600160a01b038316610aaa5760405162461bcd60e51b815260206004820152602560248201527f45524332303a207472616e736665722066726f6d20746865207a65726f206164604482015264647265737360d81b60648201526084016103df565b6001600160a01b038216610b0c5760405162461bcd60e51b815260206004820152602360248201527f45524332303a207472616e7366657220746f20746865207a65726f206164647260448201526265737360e81b60648201526084016103df565b6001600160a01b0383165f9081526005602052604090205481811015610b835760405162461bcd60e51b815260206004820152602660248201527f45524332303a207472616e7366657220616d6f756e7420657863656564732062604482015265616c616e636560d01b60648201526084016103df565b6001600160a01b038085165f90815260056020526040808220858503905591851681529081208054849290610bb990849061100b565b92505081905550826001600160a01b0316846001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef84604051610c0591815260200190565b60405180910390a350505050565b5f610c1c610426565b60405161190160f01b6020820152602281019190915260428101839052606201604051602081830303815290604052805190602001209050919050565b5f7f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0821115610c8957505f610d0a565b8360ff16601b14158015610ca157508360ff16601c14155b15610cad57505f610d0a565b604080515f81526020810180835287905260ff861691810191909152606081018490526080810183905260019060a0016020604051602081039080840390855afa158015610cfd573d5f5f3e3d5ffd5b5050506020604051035190505b949350505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f610d526020830184610d12565b9392505050565b80356001600160a01b0381168114610d6f575f5ffd5b919050565b5f5f60408385031215610d85575f5ffd5b610d8e83610d59565b946020939093013593505050565b5f5f5f60608486031215610dae575f5ffd5b610db784610d59565b9250610dc560208501610d59565b929592945050506040919091013590565b5f60208284031215610de6575f5ffd5b610d5282610d59565b60ff60f81b8816815260e060208201525f610e0d60e0830189610d12565b8281036040840152610e1f8189610d12565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b81811015610e74578351835260209384019390920191600101610e56565b50909b9a5050505050505050505050565b5f5f5f5f5f5f5f60e0888a031215610e9b575f5ffd5b610ea488610d59565b9650610eb260208901610d59565b95506040880135945060608801359350608088013560ff81168114610ed5575f5ffd5b9699959850939692959460a0840135945060c09093013592915050565b5f5f60408385031215610f03575f5ffd5b610f0c83610d59565b9150610f1a60208401610d59565b90509250929050565b600181811c90821680610f3757607f821691505b602082108103610f5557634e487b7160e01b5f52602260045260245ffd5b50919050565b5f5f83545f8160011c90506001821680610f7657607f821691505b602082108103610f9457634e487b7160e01b5f52602260045260245ffd5b808015610fa85760018114610fbd57610feb565b60ff1984168752821515830287019450610feb565b5f888152602090205f5b84811015610fe357815489820152600190910190602001610fc7565b505082870194505b50929695505050505050565b634e487b7160e01b5f52601160045260245ffd5b8082018082111561035157610351610ff7565b5f6001820161102f5761102f610ff7565b506001019056",
}

// DevOBOLABI is the input ABI used to generate the binding from.
// Deprecated: Use DevOBOLMetaData.ABI instead.
var DevOBOLABI = DevOBOLMetaData.ABI

// DevOBOLBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use DevOBOLMetaData.Bin instead.
var DevOBOLBin = DevOBOLMetaData.Bin

// DeployDevOBOL deploys a new Ethereum contract, binding an instance of DevOBOL to it.
func DeployDevOBOL(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *DevOBOL, error) {
	parsed, err := DevOBOLMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(DevOBOLBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &DevOBOL{DevOBOLCaller: DevOBOLCaller{contract: contract}, DevOBOLTransactor: DevOBOLTransactor{contract: contract}, DevOBOLFilterer: DevOBOLFilterer{contract: contract}}, nil
}

// DevOBOL is an auto generated Go binding around an Ethereum contract.
type DevOBOL struct {
	DevOBOLCaller     // Read-only binding to the contract
	DevOBOLTransactor // Write-only binding to the contract
	DevOBOLFilterer   // Log filterer for contract events
}

// DevOBOLCaller is an auto generated read-only Go binding around an Ethereum contract.
type DevOBOLCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DevOBOLTransactor is an auto generated write-only Go binding around an Ethereum contract.
type DevOBOLTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DevOBOLFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type DevOBOLFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DevOBOLSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type DevOBOLSession struct {
	Contract     *DevOBOL          // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// DevOBOLCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type DevOBOLCallerSession struct {
	Contract *DevOBOLCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts  // Call options to use throughout this session
}

// DevOBOLTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type DevOBOLTransactorSession struct {
	Contract     *DevOBOLTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts  // Transaction auth options to use throughout this session
}

// DevOBOLRaw is an auto generated low-level Go binding around an Ethereum contract.
type DevOBOLRaw struct {
	Contract *DevOBOL // Generic contract binding to access the raw methods on
}

// DevOBOLCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type DevOBOLCallerRaw struct {
	Contract *DevOBOLCaller // Generic read-only contract binding to access the raw methods on
}

// DevOBOLTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type DevOBOLTransactorRaw struct {
	Contract *DevOBOLTransactor // Generic write-only contract binding to access the raw methods on
}

// NewDevOBOL creates a new instance of DevOBOL, bound to a specific deployed contract.
func NewDevOBOL(address common.Address, backend bind.ContractBackend) (*DevOBOL, error) {
	contract, err := bindDevOBOL(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &DevOBOL{DevOBOLCaller: DevOBOLCaller{contract: contract}, DevOBOLTransactor: DevOBOLTransactor{contract: contract}, DevOBOLFilterer: DevOBOLFilterer{contract: contract}}, nil
}

// NewDevOBOLCaller creates a new read-only instance of DevOBOL, bound to a specific deployed contract.
func NewDevOBOLCaller(address common.Address, caller bind.ContractCaller) (*DevOBOLCaller, error) {
	contract, err := bindDevOBOL(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &DevOBOLCaller{contract: contract}, nil
}

// NewDevOBOLTransactor creates a new write-only instance of DevOBOL, bound to a specific deployed contract.
func NewDevOBOLTransactor(address common.Address, transactor bind.ContractTransactor) (*DevOBOLTransactor, error) {
	contract, err := bindDevOBOL(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &DevOBOLTransactor{contract: contract}, nil
}

// NewDevOBOLFilterer creates a new log filterer instance of DevOBOL, bound to a specific deployed contract.
func NewDevOBOLFilterer(address common.Address, filterer bind.ContractFilterer) (*DevOBOLFilterer, error) {
	contract, err := bindDevOBOL(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &DevOBOLFilterer{contract: contract}, nil
}

// bindDevOBOL binds a generic wrapper to an already deployed contract.
func bindDevOBOL(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := DevOBOLMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_DevOBOL *DevOBOLRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _DevOBOL.Contract.DevOBOLCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_DevOBOL *DevOBOLRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DevOBOL.Contract.DevOBOLTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_DevOBOL *DevOBOLRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _DevOBOL.Contract.DevOBOLTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_DevOBOL *DevOBOLCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _DevOBOL.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_DevOBOL *DevOBOLTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DevOBOL.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_DevOBOL *DevOBOLTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _DevOBOL.Contract.contract.Transact(opts, method, params...)
}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_DevOBOL *DevOBOLCaller) DOMAINSEPARATOR(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _DevOBOL.contract.Call(opts, &out, "DOMAIN_SEPARATOR")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_DevOBOL *DevOBOLSession) DOMAINSEPARATOR() ([32]byte, error) {
	return _DevOBOL.Contract.DOMAINSEPARATOR(&_DevOBOL.CallOpts)
}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_DevOBOL *DevOBOLCallerSession) DOMAINSEPARATOR() ([32]byte, error) {
	return _DevOBOL.Contract.DOMAINSEPARATOR(&_DevOBOL.CallOpts)
}

// PERMITTYPEHASH is a free data retrieval call binding the contract method 0x30adf81f.
//
// Solidity: function PERMIT_TYPEHASH() view returns(bytes32)
func (_DevOBOL *DevOBOLCaller) PERMITTYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _DevOBOL.contract.Call(opts, &out, "PERMIT_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// PERMITTYPEHASH is a free data retrieval call binding the contract method 0x30adf81f.
//
// Solidity: function PERMIT_TYPEHASH() view returns(bytes32)
func (_DevOBOL *DevOBOLSession) PERMITTYPEHASH() ([32]byte, error) {
	return _DevOBOL.Contract.PERMITTYPEHASH(&_DevOBOL.CallOpts)
}

// PERMITTYPEHASH is a free data retrieval call binding the contract method 0x30adf81f.
//
// Solidity: function PERMIT_TYPEHASH() view returns(bytes32)
func (_DevOBOL *DevOBOLCallerSession) PERMITTYPEHASH() ([32]byte, error) {
	return _DevOBOL.Contract.PERMITTYPEHASH(&_DevOBOL.CallOpts)
}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address , address ) view returns(uint256)
func (_DevOBOL *DevOBOLCaller) Allowance(opts *bind.CallOpts, arg0 common.Address, arg1 common.Address) (*big.Int, error) {
	var out []interface{}
	err := _DevOBOL.contract.Call(opts, &out, "allowance", arg0, arg1)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address , address ) view returns(uint256)
func (_DevOBOL *DevOBOLSession) Allowance(arg0 common.Address, arg1 common.Address) (*big.Int, error) {
	return _DevOBOL.Contract.Allowance(&_DevOBOL.CallOpts, arg0, arg1)
}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address , address ) view returns(uint256)
func (_DevOBOL *DevOBOLCallerSession) Allowance(arg0 common.Address, arg1 common.Address) (*big.Int, error) {
	return _DevOBOL.Contract.Allowance(&_DevOBOL.CallOpts, arg0, arg1)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (_DevOBOL *DevOBOLCaller) BalanceOf(opts *bind.CallOpts, arg0 common.Address) (*big.Int, error) {
	var out []interface{}
	err := _DevOBOL.contract.Call(opts, &out, "balanceOf", arg0)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (_DevOBOL *DevOBOLSession) BalanceOf(arg0 common.Address) (*big.Int, error) {
	return _DevOBOL.Contract.BalanceOf(&_DevOBOL.CallOpts, arg0)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (_DevOBOL *DevOBOLCallerSession) BalanceOf(arg0 common.Address) (*big.Int, error) {
	return _DevOBOL.Contract.BalanceOf(&_DevOBOL.CallOpts, arg0)
}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (_DevOBOL *DevOBOLCaller) Decimals(opts *bind.CallOpts) (uint8, error) {
	var out []interface{}
	err := _DevOBOL.contract.Call(opts, &out, "decimals")

	if err != nil {
		return *new(uint8), err
	}

	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)

	return out0, err

}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (_DevOBOL *DevOBOLSession) Decimals() (uint8, error) {
	return _DevOBOL.Contract.Decimals(&_DevOBOL.CallOpts)
}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (_DevOBOL *DevOBOLCallerSession) Decimals() (uint8, error) {
	return _DevOBOL.Contract.Decimals(&_DevOBOL.CallOpts)
}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name_, string version_, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_DevOBOL *DevOBOLCaller) Eip712Domain(opts *bind.CallOpts) (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	var out []interface{}
	err := _DevOBOL.contract.Call(opts, &out, "eip712Domain")

	outstruct := new(struct {
		Fields            [1]byte
		Name              string
		Version           string
		ChainId           *big.Int
		VerifyingContract common.Address
		Salt              [32]byte
		Extensions        []*big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = *abi.ConvertType(out[3], new(*big.Int)).(**big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)

	return *outstruct, err

}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name_, string version_, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_DevOBOL *DevOBOLSession) Eip712Domain() (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	return _DevOBOL.Contract.Eip712Domain(&_DevOBOL.CallOpts)
}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name_, string version_, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_DevOBOL *DevOBOLCallerSession) Eip712Domain() (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	return _DevOBOL.Contract.Eip712Domain(&_DevOBOL.CallOpts)
}

// Minter is a free data retrieval call binding the contract method 0x07546172.
//
// Solidity: function minter() view returns(address)
func (_DevOBOL *DevOBOLCaller) Minter(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _DevOBOL.contract.Call(opts, &out, "minter")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Minter is a free data retrieval call binding the contract method 0x07546172.
//
// Solidity: function minter() view returns(address)
func (_DevOBOL *DevOBOLSession) Minter() (common.Address, error) {
	return _DevOBOL.Contract.Minter(&_DevOBOL.CallOpts)
}

// Minter is a free data retrieval call binding the contract method 0x07546172.
//
// Solidity: function minter() view returns(address)
func (_DevOBOL *DevOBOLCallerSession) Minter() (common.Address, error) {
	return _DevOBOL.Contract.Minter(&_DevOBOL.CallOpts)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_DevOBOL *DevOBOLCaller) Name(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _DevOBOL.contract.Call(opts, &out, "name")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_DevOBOL *DevOBOLSession) Name() (string, error) {
	return _DevOBOL.Contract.Name(&_DevOBOL.CallOpts)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_DevOBOL *DevOBOLCallerSession) Name() (string, error) {
	return _DevOBOL.Contract.Name(&_DevOBOL.CallOpts)
}

// Nonces is a free data retrieval call binding the contract method 0x7ecebe00.
//
// Solidity: function nonces(address ) view returns(uint256)
func (_DevOBOL *DevOBOLCaller) Nonces(opts *bind.CallOpts, arg0 common.Address) (*big.Int, error) {
	var out []interface{}
	err := _DevOBOL.contract.Call(opts, &out, "nonces", arg0)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Nonces is a free data retrieval call binding the contract method 0x7ecebe00.
//
// Solidity: function nonces(address ) view returns(uint256)
func (_DevOBOL *DevOBOLSession) Nonces(arg0 common.Address) (*big.Int, error) {
	return _DevOBOL.Contract.Nonces(&_DevOBOL.CallOpts, arg0)
}

// Nonces is a free data retrieval call binding the contract method 0x7ecebe00.
//
// Solidity: function nonces(address ) view returns(uint256)
func (_DevOBOL *DevOBOLCallerSession) Nonces(arg0 common.Address) (*big.Int, error) {
	return _DevOBOL.Contract.Nonces(&_DevOBOL.CallOpts, arg0)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_DevOBOL *DevOBOLCaller) Symbol(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _DevOBOL.contract.Call(opts, &out, "symbol")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_DevOBOL *DevOBOLSession) Symbol() (string, error) {
	return _DevOBOL.Contract.Symbol(&_DevOBOL.CallOpts)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_DevOBOL *DevOBOLCallerSession) Symbol() (string, error) {
	return _DevOBOL.Contract.Symbol(&_DevOBOL.CallOpts)
}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_DevOBOL *DevOBOLCaller) TotalSupply(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _DevOBOL.contract.Call(opts, &out, "totalSupply")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_DevOBOL *DevOBOLSession) TotalSupply() (*big.Int, error) {
	return _DevOBOL.Contract.TotalSupply(&_DevOBOL.CallOpts)
}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_DevOBOL *DevOBOLCallerSession) TotalSupply() (*big.Int, error) {
	return _DevOBOL.Contract.TotalSupply(&_DevOBOL.CallOpts)
}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (_DevOBOL *DevOBOLCaller) Version(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _DevOBOL.contract.Call(opts, &out, "version")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (_DevOBOL *DevOBOLSession) Version() (string, error) {
	return _DevOBOL.Contract.Version(&_DevOBOL.CallOpts)
}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (_DevOBOL *DevOBOLCallerSession) Version() (string, error) {
	return _DevOBOL.Contract.Version(&_DevOBOL.CallOpts)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_DevOBOL *DevOBOLTransactor) Approve(opts *bind.TransactOpts, spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevOBOL.contract.Transact(opts, "approve", spender, value)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_DevOBOL *DevOBOLSession) Approve(spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevOBOL.Contract.Approve(&_DevOBOL.TransactOpts, spender, value)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_DevOBOL *DevOBOLTransactorSession) Approve(spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevOBOL.Contract.Approve(&_DevOBOL.TransactOpts, spender, value)
}

// Mint is a paid mutator transaction binding the contract method 0x40c10f19.
//
// Solidity: function mint(address to, uint256 value) returns()
func (_DevOBOL *DevOBOLTransactor) Mint(opts *bind.TransactOpts, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevOBOL.contract.Transact(opts, "mint", to, value)
}

// Mint is a paid mutator transaction binding the contract method 0x40c10f19.
//
// Solidity: function mint(address to, uint256 value) returns()
func (_DevOBOL *DevOBOLSession) Mint(to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevOBOL.Contract.Mint(&_DevOBOL.TransactOpts, to, value)
}

// Mint is a paid mutator transaction binding the contract method 0x40c10f19.
//
// Solidity: function mint(address to, uint256 value) returns()
func (_DevOBOL *DevOBOLTransactorSession) Mint(to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevOBOL.Contract.Mint(&_DevOBOL.TransactOpts, to, value)
}

// Permit is a paid mutator transaction binding the contract method 0xd505accf.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevOBOL *DevOBOLTransactor) Permit(opts *bind.TransactOpts, owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevOBOL.contract.Transact(opts, "permit", owner, spender, value, deadline, v, r, s)
}

// Permit is a paid mutator transaction binding the contract method 0xd505accf.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevOBOL *DevOBOLSession) Permit(owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevOBOL.Contract.Permit(&_DevOBOL.TransactOpts, owner, spender, value, deadline, v, r, s)
}

// Permit is a paid mutator transaction binding the contract method 0xd505accf.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevOBOL *DevOBOLTransactorSession) Permit(owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevOBOL.Contract.Permit(&_DevOBOL.TransactOpts, owner, spender, value, deadline, v, r, s)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_DevOBOL *DevOBOLTransactor) Transfer(opts *bind.TransactOpts, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevOBOL.contract.Transact(opts, "transfer", to, value)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_DevOBOL *DevOBOLSession) Transfer(to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevOBOL.Contract.Transfer(&_DevOBOL.TransactOpts, to, value)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_DevOBOL *DevOBOLTransactorSession) Transfer(to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevOBOL.Contract.Transfer(&_DevOBOL.TransactOpts, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_DevOBOL *DevOBOLTransactor) TransferFrom(opts *bind.TransactOpts, from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevOBOL.contract.Transact(opts, "transferFrom", from, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_DevOBOL *DevOBOLSession) TransferFrom(from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevOBOL.Contract.TransferFrom(&_DevOBOL.TransactOpts, from, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_DevOBOL *DevOBOLTransactorSession) TransferFrom(from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevOBOL.Contract.TransferFrom(&_DevOBOL.TransactOpts, from, to, value)
}

// DevOBOLApprovalIterator is returned from FilterApproval and is used to iterate over the raw logs and unpacked data for Approval events raised by the DevOBOL contract.
type DevOBOLApprovalIterator struct {
	Event *DevOBOLApproval // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *DevOBOLApprovalIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DevOBOLApproval)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(DevOBOLApproval)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *DevOBOLApprovalIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DevOBOLApprovalIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DevOBOLApproval represents a Approval event raised by the DevOBOL contract.
type DevOBOLApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterApproval is a free log retrieval operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_DevOBOL *DevOBOLFilterer) FilterApproval(opts *bind.FilterOpts, owner []common.Address, spender []common.Address) (*DevOBOLApprovalIterator, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var spenderRule []interface{}
	for _, spenderItem := range spender {
		spenderRule = append(spenderRule, spenderItem)
	}

	logs, sub, err := _DevOBOL.contract.FilterLogs(opts, "Approval", ownerRule, spenderRule)
	if err != nil {
		return nil, err
	}
	return &DevOBOLApprovalIterator{contract: _DevOBOL.contract, event: "Approval", logs: logs, sub: sub}, nil
}

// WatchApproval is a free log subscription operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_DevOBOL *DevOBOLFilterer) WatchApproval(opts *bind.WatchOpts, sink chan<- *DevOBOLApproval, owner []common.Address, spender []common.Address) (event.Subscription, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var spenderRule []interface{}
	for _, spenderItem := range spender {
		spenderRule = append(spenderRule, spenderItem)
	}

	logs, sub, err := _DevOBOL.contract.WatchLogs(opts, "Approval", ownerRule, spenderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DevOBOLApproval)
				if err := _DevOBOL.contract.UnpackLog(event, "Approval", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseApproval is a log parse operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_DevOBOL *DevOBOLFilterer) ParseApproval(log types.Log) (*DevOBOLApproval, error) {
	event := new(DevOBOLApproval)
	if err := _DevOBOL.contract.UnpackLog(event, "Approval", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DevOBOLTransferIterator is returned from FilterTransfer and is used to iterate over the raw logs and unpacked data for Transfer events raised by the DevOBOL contract.
type DevOBOLTransferIterator struct {
	Event *DevOBOLTransfer // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *DevOBOLTransferIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DevOBOLTransfer)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(DevOBOLTransfer)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *DevOBOLTransferIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DevOBOLTransferIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DevOBOLTransfer represents a Transfer event raised by the DevOBOL contract.
type DevOBOLTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   types.Log // Blockchain specific contextual infos
}

// FilterTransfer is a free log retrieval operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_DevOBOL *DevOBOLFilterer) FilterTransfer(opts *bind.FilterOpts, from []common.Address, to []common.Address) (*DevOBOLTransferIterator, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _DevOBOL.contract.FilterLogs(opts, "Transfer", fromRule, toRule)
	if err != nil {
		return nil, err
	}
	return &DevOBOLTransferIterator{contract: _DevOBOL.contract, event: "Transfer", logs: logs, sub: sub}, nil
}

// WatchTransfer is a free log subscription operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_DevOBOL *DevOBOLFilterer) WatchTransfer(opts *bind.WatchOpts, sink chan<- *DevOBOLTransfer, from []common.Address, to []common.Address) (event.Subscription, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _DevOBOL.contract.WatchLogs(opts, "Transfer", fromRule, toRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DevOBOLTransfer)
				if err := _DevOBOL.contract.UnpackLog(event, "Transfer", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseTransfer is a log parse operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_DevOBOL *DevOBOLFilterer) ParseTransfer(log types.Log) (*DevOBOLTransfer, error) {
	event := new(DevOBOLTransfer)
	if err := _DevOBOL.contract.UnpackLog(event, "Transfer", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DevSmartWalletMetaData contains all meta data concerning the DevSmartWallet contract.
var DevSmartWalletMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"AlreadyInitialized\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"reason\",\"type\":\"bytes\"}],\"name\":\"CallFailed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroOwner\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"Executed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"Initialized\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"execute\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner_\",\"type\":\"address\"}],\"name\":\"init\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"hash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"isValidSignature\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"\",\"type\":\"bytes4\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"stateMutability\":\"payable\",\"type\":\"receive\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b506040516106c13803806106c1833981016040819052602b916083565b6001600160a01b03811615607e575f80546001600160a01b0319166001600160a01b038316908117825560405190917f908408e307fc569b417f6cbec5d5a06f44a0a505ac0479b47d421a4b2fd6a1e691a25b5060ae565b5f602082840312156092575f5ffd5b81516001600160a01b038116811460a7575f5ffd5b9392505050565b610606806100bb5f395ff3fe608060405260043610610041575f3560e01c80631626ba7e1461004c57806319ab453c146100895780638da5cb5b146100aa578063b61d27f6146100e0575f5ffd5b3661004857005b5f5ffd5b348015610057575f5ffd5b5061006b610066366004610462565b61010c565b6040516001600160e01b031990911681526020015b60405180910390f35b348015610094575f5ffd5b506100a86100a33660046104c5565b610281565b005b3480156100b5575f5ffd5b505f546100c8906001600160a01b031681565b6040516001600160a01b039091168152602001610080565b3480156100eb575f5ffd5b506100ff6100fa3660046104de565b610317565b6040516100809190610534565b5f6041821461012457506001600160e01b031961027a565b5f6101326020828587610569565b61013b91610590565b90505f61014c604060208688610569565b61015591610590565b90505f8585604081811061016b5761016b6105ae565b919091013560f81c9150507f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a08211806101b757508060ff16601b141580156101b757508060ff16601c14155b156101d057506001600160e01b0319925061027a915050565b604080515f808252602082018084528a905260ff841692820192909252606081018590526080810184905260019060a0016020604051602081039080840390855afa158015610221573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b038116158061025157505f546001600160a01b03828116911614155b1561026b57506001600160e01b0319935061027a92505050565b50630b135d3f60e11b93505050505b9392505050565b5f546001600160a01b0316156102a95760405162dc149f60e41b815260040160405180910390fd5b6001600160a01b0381166102d057604051639905827b60e01b815260040160405180910390fd5b5f80546001600160a01b0319166001600160a01b038316908117825560405190917f908408e307fc569b417f6cbec5d5a06f44a0a505ac0479b47d421a4b2fd6a1e691a250565b5f546060906001600160a01b03163314610344576040516330cd747160e01b815260040160405180910390fd5b5f5f866001600160a01b03168686866040516103619291906105c2565b5f6040518083038185875af1925050503d805f811461039b576040519150601f19603f3d011682016040523d82523d5f602084013e6103a0565b606091505b5091509150816103ce578060405163a5fa8d2b60e01b81526004016103c59190610534565b60405180910390fd5b866001600160a01b03167fcaf938de11c367272220bfd1d2baa99ca46665e7bc4d85f00adb51b90fe1fa9f87878760405161040b939291906105d1565b60405180910390a29695505050505050565b5f5f83601f84011261042d575f5ffd5b50813567ffffffffffffffff811115610444575f5ffd5b60208301915083602082850101111561045b575f5ffd5b9250929050565b5f5f5f60408486031215610474575f5ffd5b83359250602084013567ffffffffffffffff811115610491575f5ffd5b61049d8682870161041d565b9497909650939450505050565b80356001600160a01b03811681146104c0575f5ffd5b919050565b5f602082840312156104d5575f5ffd5b61027a826104aa565b5f5f5f5f606085870312156104f1575f5ffd5b6104fa856104aa565b935060208501359250604085013567ffffffffffffffff81111561051c575f5ffd5b6105288782880161041d565b95989497509550505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b5f5f85851115610577575f5ffd5b83861115610583575f5ffd5b5050820193919092039150565b803560208310156105a8575f19602084900360031b1b165b92915050565b634e487b7160e01b5f52603260045260245ffd5b818382375f9101908152919050565b83815260406020820152816040820152818360608301375f818301606090810191909152601f909201601f191601019291505056",
}

// DevSmartWalletABI is the input ABI used to generate the binding from.
// Deprecated: Use DevSmartWalletMetaData.ABI instead.
var DevSmartWalletABI = DevSmartWalletMetaData.ABI

// DevSmartWalletBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use DevSmartWalletMetaData.Bin instead.
var DevSmartWalletBin = DevSmartWalletMetaData.Bin

// DeployDevSmartWallet deploys a new Ethereum contract, binding an instance of DevSmartWallet to it.
func DeployDevSmartWallet(auth *bind.TransactOpts, backend bind.ContractBackend, owner_ common.Address) (common.Address, *types.Transaction, *DevSmartWallet, error) {
	parsed, err := DevSmartWalletMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(DevSmartWalletBin), backend, owner_)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &DevSmartWallet{DevSmartWalletCaller: DevSmartWalletCaller{contract: contract}, DevSmartWalletTransactor: DevSmartWalletTransactor{contract: contract}, DevSmartWalletFilterer: DevSmartWalletFilterer{contract: contract}}, nil
}

// DevSmartWallet is an auto generated Go binding around an Ethereum contract.
type DevSmartWallet struct {
	DevSmartWalletCaller     // Read-only binding to the contract
	DevSmartWalletTransactor // Write-only binding to the contract
	DevSmartWalletFilterer   // Log filterer for contract events
}

// DevSmartWalletCaller is an auto generated read-only Go binding around an Ethereum contract.
type DevSmartWalletCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DevSmartWalletTransactor is an auto generated write-only Go binding around an Ethereum contract.
type DevSmartWalletTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DevSmartWalletFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type DevSmartWalletFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DevSmartWalletSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type DevSmartWalletSession struct {
	Contract     *DevSmartWallet   // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// DevSmartWalletCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type DevSmartWalletCallerSession struct {
	Contract *DevSmartWalletCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts         // Call options to use throughout this session
}

// DevSmartWalletTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type DevSmartWalletTransactorSession struct {
	Contract     *DevSmartWalletTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts         // Transaction auth options to use throughout this session
}

// DevSmartWalletRaw is an auto generated low-level Go binding around an Ethereum contract.
type DevSmartWalletRaw struct {
	Contract *DevSmartWallet // Generic contract binding to access the raw methods on
}

// DevSmartWalletCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type DevSmartWalletCallerRaw struct {
	Contract *DevSmartWalletCaller // Generic read-only contract binding to access the raw methods on
}

// DevSmartWalletTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type DevSmartWalletTransactorRaw struct {
	Contract *DevSmartWalletTransactor // Generic write-only contract binding to access the raw methods on
}

// NewDevSmartWallet creates a new instance of DevSmartWallet, bound to a specific deployed contract.
func NewDevSmartWallet(address common.Address, backend bind.ContractBackend) (*DevSmartWallet, error) {
	contract, err := bindDevSmartWallet(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &DevSmartWallet{DevSmartWalletCaller: DevSmartWalletCaller{contract: contract}, DevSmartWalletTransactor: DevSmartWalletTransactor{contract: contract}, DevSmartWalletFilterer: DevSmartWalletFilterer{contract: contract}}, nil
}

// NewDevSmartWalletCaller creates a new read-only instance of DevSmartWallet, bound to a specific deployed contract.
func NewDevSmartWalletCaller(address common.Address, caller bind.ContractCaller) (*DevSmartWalletCaller, error) {
	contract, err := bindDevSmartWallet(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &DevSmartWalletCaller{contract: contract}, nil
}

// NewDevSmartWalletTransactor creates a new write-only instance of DevSmartWallet, bound to a specific deployed contract.
func NewDevSmartWalletTransactor(address common.Address, transactor bind.ContractTransactor) (*DevSmartWalletTransactor, error) {
	contract, err := bindDevSmartWallet(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &DevSmartWalletTransactor{contract: contract}, nil
}

// NewDevSmartWalletFilterer creates a new log filterer instance of DevSmartWallet, bound to a specific deployed contract.
func NewDevSmartWalletFilterer(address common.Address, filterer bind.ContractFilterer) (*DevSmartWalletFilterer, error) {
	contract, err := bindDevSmartWallet(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &DevSmartWalletFilterer{contract: contract}, nil
}

// bindDevSmartWallet binds a generic wrapper to an already deployed contract.
func bindDevSmartWallet(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := DevSmartWalletMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_DevSmartWallet *DevSmartWalletRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _DevSmartWallet.Contract.DevSmartWalletCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_DevSmartWallet *DevSmartWalletRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DevSmartWallet.Contract.DevSmartWalletTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_DevSmartWallet *DevSmartWalletRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _DevSmartWallet.Contract.DevSmartWalletTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_DevSmartWallet *DevSmartWalletCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _DevSmartWallet.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_DevSmartWallet *DevSmartWalletTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DevSmartWallet.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_DevSmartWallet *DevSmartWalletTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _DevSmartWallet.Contract.contract.Transact(opts, method, params...)
}

// IsValidSignature is a free data retrieval call binding the contract method 0x1626ba7e.
//
// Solidity: function isValidSignature(bytes32 hash, bytes signature) view returns(bytes4)
func (_DevSmartWallet *DevSmartWalletCaller) IsValidSignature(opts *bind.CallOpts, hash [32]byte, signature []byte) ([4]byte, error) {
	var out []interface{}
	err := _DevSmartWallet.contract.Call(opts, &out, "isValidSignature", hash, signature)

	if err != nil {
		return *new([4]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([4]byte)).(*[4]byte)

	return out0, err

}

// IsValidSignature is a free data retrieval call binding the contract method 0x1626ba7e.
//
// Solidity: function isValidSignature(bytes32 hash, bytes signature) view returns(bytes4)
func (_DevSmartWallet *DevSmartWalletSession) IsValidSignature(hash [32]byte, signature []byte) ([4]byte, error) {
	return _DevSmartWallet.Contract.IsValidSignature(&_DevSmartWallet.CallOpts, hash, signature)
}

// IsValidSignature is a free data retrieval call binding the contract method 0x1626ba7e.
//
// Solidity: function isValidSignature(bytes32 hash, bytes signature) view returns(bytes4)
func (_DevSmartWallet *DevSmartWalletCallerSession) IsValidSignature(hash [32]byte, signature []byte) ([4]byte, error) {
	return _DevSmartWallet.Contract.IsValidSignature(&_DevSmartWallet.CallOpts, hash, signature)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_DevSmartWallet *DevSmartWalletCaller) Owner(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _DevSmartWallet.contract.Call(opts, &out, "owner")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_DevSmartWallet *DevSmartWalletSession) Owner() (common.Address, error) {
	return _DevSmartWallet.Contract.Owner(&_DevSmartWallet.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_DevSmartWallet *DevSmartWalletCallerSession) Owner() (common.Address, error) {
	return _DevSmartWallet.Contract.Owner(&_DevSmartWallet.CallOpts)
}

// Execute is a paid mutator transaction binding the contract method 0xb61d27f6.
//
// Solidity: function execute(address to, uint256 value, bytes data) returns(bytes)
func (_DevSmartWallet *DevSmartWalletTransactor) Execute(opts *bind.TransactOpts, to common.Address, value *big.Int, data []byte) (*types.Transaction, error) {
	return _DevSmartWallet.contract.Transact(opts, "execute", to, value, data)
}

// Execute is a paid mutator transaction binding the contract method 0xb61d27f6.
//
// Solidity: function execute(address to, uint256 value, bytes data) returns(bytes)
func (_DevSmartWallet *DevSmartWalletSession) Execute(to common.Address, value *big.Int, data []byte) (*types.Transaction, error) {
	return _DevSmartWallet.Contract.Execute(&_DevSmartWallet.TransactOpts, to, value, data)
}

// Execute is a paid mutator transaction binding the contract method 0xb61d27f6.
//
// Solidity: function execute(address to, uint256 value, bytes data) returns(bytes)
func (_DevSmartWallet *DevSmartWalletTransactorSession) Execute(to common.Address, value *big.Int, data []byte) (*types.Transaction, error) {
	return _DevSmartWallet.Contract.Execute(&_DevSmartWallet.TransactOpts, to, value, data)
}

// Init is a paid mutator transaction binding the contract method 0x19ab453c.
//
// Solidity: function init(address owner_) returns()
func (_DevSmartWallet *DevSmartWalletTransactor) Init(opts *bind.TransactOpts, owner_ common.Address) (*types.Transaction, error) {
	return _DevSmartWallet.contract.Transact(opts, "init", owner_)
}

// Init is a paid mutator transaction binding the contract method 0x19ab453c.
//
// Solidity: function init(address owner_) returns()
func (_DevSmartWallet *DevSmartWalletSession) Init(owner_ common.Address) (*types.Transaction, error) {
	return _DevSmartWallet.Contract.Init(&_DevSmartWallet.TransactOpts, owner_)
}

// Init is a paid mutator transaction binding the contract method 0x19ab453c.
//
// Solidity: function init(address owner_) returns()
func (_DevSmartWallet *DevSmartWalletTransactorSession) Init(owner_ common.Address) (*types.Transaction, error) {
	return _DevSmartWallet.Contract.Init(&_DevSmartWallet.TransactOpts, owner_)
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_DevSmartWallet *DevSmartWalletTransactor) Receive(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DevSmartWallet.contract.RawTransact(opts, nil) // calldata is disallowed for receive function
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_DevSmartWallet *DevSmartWalletSession) Receive() (*types.Transaction, error) {
	return _DevSmartWallet.Contract.Receive(&_DevSmartWallet.TransactOpts)
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_DevSmartWallet *DevSmartWalletTransactorSession) Receive() (*types.Transaction, error) {
	return _DevSmartWallet.Contract.Receive(&_DevSmartWallet.TransactOpts)
}

// DevSmartWalletExecutedIterator is returned from FilterExecuted and is used to iterate over the raw logs and unpacked data for Executed events raised by the DevSmartWallet contract.
type DevSmartWalletExecutedIterator struct {
	Event *DevSmartWalletExecuted // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *DevSmartWalletExecutedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DevSmartWalletExecuted)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(DevSmartWalletExecuted)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *DevSmartWalletExecutedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DevSmartWalletExecutedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DevSmartWalletExecuted represents a Executed event raised by the DevSmartWallet contract.
type DevSmartWalletExecuted struct {
	To    common.Address
	Value *big.Int
	Data  []byte
	Raw   types.Log // Blockchain specific contextual infos
}

// FilterExecuted is a free log retrieval operation binding the contract event 0xcaf938de11c367272220bfd1d2baa99ca46665e7bc4d85f00adb51b90fe1fa9f.
//
// Solidity: event Executed(address indexed to, uint256 value, bytes data)
func (_DevSmartWallet *DevSmartWalletFilterer) FilterExecuted(opts *bind.FilterOpts, to []common.Address) (*DevSmartWalletExecutedIterator, error) {

	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _DevSmartWallet.contract.FilterLogs(opts, "Executed", toRule)
	if err != nil {
		return nil, err
	}
	return &DevSmartWalletExecutedIterator{contract: _DevSmartWallet.contract, event: "Executed", logs: logs, sub: sub}, nil
}

// WatchExecuted is a free log subscription operation binding the contract event 0xcaf938de11c367272220bfd1d2baa99ca46665e7bc4d85f00adb51b90fe1fa9f.
//
// Solidity: event Executed(address indexed to, uint256 value, bytes data)
func (_DevSmartWallet *DevSmartWalletFilterer) WatchExecuted(opts *bind.WatchOpts, sink chan<- *DevSmartWalletExecuted, to []common.Address) (event.Subscription, error) {

	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _DevSmartWallet.contract.WatchLogs(opts, "Executed", toRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DevSmartWalletExecuted)
				if err := _DevSmartWallet.contract.UnpackLog(event, "Executed", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseExecuted is a log parse operation binding the contract event 0xcaf938de11c367272220bfd1d2baa99ca46665e7bc4d85f00adb51b90fe1fa9f.
//
// Solidity: event Executed(address indexed to, uint256 value, bytes data)
func (_DevSmartWallet *DevSmartWalletFilterer) ParseExecuted(log types.Log) (*DevSmartWalletExecuted, error) {
	event := new(DevSmartWalletExecuted)
	if err := _DevSmartWallet.contract.UnpackLog(event, "Executed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DevSmartWalletInitializedIterator is returned from FilterInitialized and is used to iterate over the raw logs and unpacked data for Initialized events raised by the DevSmartWallet contract.
type DevSmartWalletInitializedIterator struct {
	Event *DevSmartWalletInitialized // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *DevSmartWalletInitializedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DevSmartWalletInitialized)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(DevSmartWalletInitialized)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *DevSmartWalletInitializedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DevSmartWalletInitializedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DevSmartWalletInitialized represents a Initialized event raised by the DevSmartWallet contract.
type DevSmartWalletInitialized struct {
	Owner common.Address
	Raw   types.Log // Blockchain specific contextual infos
}

// FilterInitialized is a free log retrieval operation binding the contract event 0x908408e307fc569b417f6cbec5d5a06f44a0a505ac0479b47d421a4b2fd6a1e6.
//
// Solidity: event Initialized(address indexed owner)
func (_DevSmartWallet *DevSmartWalletFilterer) FilterInitialized(opts *bind.FilterOpts, owner []common.Address) (*DevSmartWalletInitializedIterator, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _DevSmartWallet.contract.FilterLogs(opts, "Initialized", ownerRule)
	if err != nil {
		return nil, err
	}
	return &DevSmartWalletInitializedIterator{contract: _DevSmartWallet.contract, event: "Initialized", logs: logs, sub: sub}, nil
}

// WatchInitialized is a free log subscription operation binding the contract event 0x908408e307fc569b417f6cbec5d5a06f44a0a505ac0479b47d421a4b2fd6a1e6.
//
// Solidity: event Initialized(address indexed owner)
func (_DevSmartWallet *DevSmartWalletFilterer) WatchInitialized(opts *bind.WatchOpts, sink chan<- *DevSmartWalletInitialized, owner []common.Address) (event.Subscription, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _DevSmartWallet.contract.WatchLogs(opts, "Initialized", ownerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DevSmartWalletInitialized)
				if err := _DevSmartWallet.contract.UnpackLog(event, "Initialized", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseInitialized is a log parse operation binding the contract event 0x908408e307fc569b417f6cbec5d5a06f44a0a505ac0479b47d421a4b2fd6a1e6.
//
// Solidity: event Initialized(address indexed owner)
func (_DevSmartWallet *DevSmartWalletFilterer) ParseInitialized(log types.Log) (*DevSmartWalletInitialized, error) {
	event := new(DevSmartWalletInitialized)
	if err := _DevSmartWallet.contract.UnpackLog(event, "Initialized", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DevUSDCMetaData contains all meta data concerning the DevUSDC contract.
var DevUSDCMetaData = &bind.MetaData{
	ABI: "[{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"}],\"name\":\"AuthorizationCanceled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"}],\"name\":\"AuthorizationUsed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"CANCEL_AUTHORIZATION_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"DOMAIN_SEPARATOR\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PERMIT_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"RECEIVE_WITH_AUTHORIZATION_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"TRANSFER_WITH_AUTHORIZATION_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"}],\"name\":\"authorizationState\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"cancelAuthorization\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"authorizer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"cancelAuthorization\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name_\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version_\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minter\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"nonces\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"permit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validAfter\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validBefore\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"receiveWithAuthorization\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validAfter\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validBefore\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"receiveWithAuthorization\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validAfter\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validBefore\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"transferWithAuthorization\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validAfter\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"validBefore\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"nonce\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"transferWithAuthorization\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"version\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b50611b9c8061001c5f395ff3fe608060405234801561000f575f5ffd5b50600436106101a1575f3560e01c80637f2eecc3116100f3578063cf09299511610093578063dd62ed3e1161006e578063dd62ed3e146103e4578063e3ee160e1461040e578063e94a010214610421578063ef55bec614610459575f5ffd5b8063cf09299514610397578063d505accf146103aa578063d9169487146103bd575f5ffd5b806395d89b41116100ce57806395d89b4114610342578063a0cc6a681461034a578063a9059cbb14610371578063b7b7289914610384575f5ffd5b80637f2eecc3146102ed57806384b0196e1461031457806388b7ab631461032f575f5ffd5b8063313ce5671161015e57806354fd4d501161013957806354fd4d50146102945780635a049a701461029c57806370a08231146102af5780637ecebe00146102ce575f5ffd5b8063313ce567146102625780633644e5151461027757806340c10f191461027f575f5ffd5b806306fdde03146101a557806307546172146101c3578063095ea7b3146101ee57806318160ddd1461021157806323b872dd1461022857806330adf81f1461023b575b5f5ffd5b6101ad61046c565b6040516101ba9190611563565b60405180910390f35b6008546101d6906001600160a01b031681565b6040516001600160a01b0390911681526020016101ba565b6102016101fc366004611590565b6104fb565b60405190151581526020016101ba565b61021a60045481565b6040519081526020016101ba565b6102016102363660046115b8565b610511565b61021a7f6e71edae12b1b97f4d1f60370fef10105fa2faae0126114a169c64845d6126c981565b60035460405160ff90911681526020016101ba565b61021a6105e2565b61029261028d366004611590565b610673565b005b6101ad6107b4565b6102926102aa366004611602565b6107c3565b61021a6102bd36600461164c565b60056020525f908152604090205481565b61021a6102dc36600461164c565b60076020525f908152604090205481565b61021a7fd099cc98ef71107a616c4f0f941f04c322d8e254fe26b3c6668db87aae413de881565b61031c6107f8565b6040516101ba9796959493929190611665565b61029261033d36600461179a565b610967565b6101ad6109c8565b61021a7f7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a226781565b61020161037f366004611590565b6109d7565b610292610392366004611819565b6109e3565b6102926103a536600461179a565b6109f3565b6102926103b836600461186c565b610a23565b61021a7f158b0a9edf7a828aad02f63cd515c68ef2f50ba807396f6d12842833a159742981565b61021a6103f23660046118d2565b600660209081525f928352604080842090915290825290205481565b61029261041c366004611903565b610bb5565b61020161042f366004611590565b6001600160a01b03919091165f908152600960209081526040808320938352929052205460ff1690565b610292610467366004611903565b610c08565b60605f805461047a9061197e565b80601f01602080910402602001604051908101604052809291908181526020018280546104a69061197e565b80156104f15780601f106104c8576101008083540402835291602001916104f1565b820191905f5260205f20905b8154815290600101906020018083116104d457829003601f168201915b5050505050905090565b5f610507338484610c6f565b5060015b92915050565b6001600160a01b0383165f9081526006602090815260408083203384529091528120545f1981146105ca57828110156105a25760405162461bcd60e51b815260206004820152602860248201527f45524332303a207472616e7366657220616d6f756e74206578636565647320616044820152676c6c6f77616e636560c01b60648201526084015b60405180910390fd5b6001600160a01b0385165f908152600660209081526040808320338452909152902083820390555b6105d5858585610d92565b60019150505b9392505050565b5f7f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f5f60405161061291906119b6565b6040518091039020600260405161062991906119b6565b60408051918290038220602083019490945281019190915260608101919091524660808201523060a082015260c00160405160208183030381529060405280519060200120905090565b6008546001600160a01b031633146106d85760405162461bcd60e51b815260206004820152602260248201527f446576546f6b656e3a2063616c6c6572206973206e6f7420746865206d696e7460448201526132b960f11b6064820152608401610599565b6001600160a01b03821661072e5760405162461bcd60e51b815260206004820152601f60248201527f45524332303a206d696e7420746f20746865207a65726f2061646472657373006044820152606401610599565b8060045f82825461073f9190611a66565b90915550506001600160a01b0382165f908152600560205260408120805483929061076b908490611a66565b90915550506040518181526001600160a01b038316905f907fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef9060200160405180910390a35050565b60606002805461047a9061197e565b6107f185858484876040516020016107dd93929190611a79565b604051602081830303815290604052610f5f565b5050505050565b5f6060808280808381600246308380604051908082528060200260200182016040528015610830578160200160208202803683370190505b50600f60f81b9594939291908580546108489061197e565b80601f01602080910402602001604051908101604052809291908181526020018280546108749061197e565b80156108bf5780601f10610896576101008083540402835291602001916108bf565b820191905f5260205f20905b8154815290600101906020018083116108a257829003601f168201915b505050505095508480546108d29061197e565b80601f01602080910402602001604051908101604052809291908181526020018280546108fe9061197e565b80156109495780601f1061092057610100808354040283529160200191610949565b820191905f5260205f20905b81548152906001019060200180831161092c57829003601f168201915b50505050509450965096509650965096509650965090919293949596565b6001600160a01b038616331461098f5760405162461bcd60e51b815260040161059990611a9c565b6109bf7fd099cc98ef71107a616c4f0f941f04c322d8e254fe26b3c6668db87aae413de8888888888888886110bb565b50505050505050565b60606001805461047a9061197e565b5f610507338484610d92565b6109ee838383610f5f565b505050565b6109bf7f7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a2267888888888888886110bb565b42841015610a735760405162461bcd60e51b815260206004820152601a60248201527f454950323631323a207065726d697420697320657870697265640000000000006044820152606401610599565b6001600160a01b0387165f90815260076020526040812080547f6e71edae12b1b97f4d1f60370fef10105fa2faae0126114a169c64845d6126c9918a918a918a919086610abf83611ae1565b909155506040805160208101969096526001600160a01b0394851690860152929091166060840152608083015260a082015260c0810186905260e0016040516020818303038152906040528051906020012090505f610b28610b20836112ce565b868686611314565b90506001600160a01b03811615801590610b535750886001600160a01b0316816001600160a01b0316145b610b9f5760405162461bcd60e51b815260206004820152601a60248201527f454950323631323a20696e76616c6964207369676e61747572650000000000006044820152606401610599565b610baa898989610c6f565b505050505050505050565b610baa7f7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a22678a8a8a8a8a8a89898c604051602001610bf493929190611a79565b6040516020818303038152906040526110bb565b6001600160a01b0388163314610c305760405162461bcd60e51b815260040161059990611a9c565b610baa7fd099cc98ef71107a616c4f0f941f04c322d8e254fe26b3c6668db87aae413de88a8a8a8a8a8a89898c604051602001610bf493929190611a79565b6001600160a01b038316610cd15760405162461bcd60e51b8152602060048201526024808201527f45524332303a20617070726f76652066726f6d20746865207a65726f206164646044820152637265737360e01b6064820152608401610599565b6001600160a01b038216610d325760405162461bcd60e51b815260206004820152602260248201527f45524332303a20617070726f766520746f20746865207a65726f206164647265604482015261737360f01b6064820152608401610599565b6001600160a01b038381165f8181526006602090815260408083209487168084529482529182902085905590518481527f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925910160405180910390a3505050565b6001600160a01b038316610df65760405162461bcd60e51b815260206004820152602560248201527f45524332303a207472616e736665722066726f6d20746865207a65726f206164604482015264647265737360d81b6064820152608401610599565b6001600160a01b038216610e585760405162461bcd60e51b815260206004820152602360248201527f45524332303a207472616e7366657220746f20746865207a65726f206164647260448201526265737360e81b6064820152608401610599565b6001600160a01b0383165f9081526005602052604090205481811015610ecf5760405162461bcd60e51b815260206004820152602660248201527f45524332303a207472616e7366657220616d6f756e7420657863656564732062604482015265616c616e636560d01b6064820152608401610599565b6001600160a01b038085165f90815260056020526040808220858503905591851681529081208054849290610f05908490611a66565b92505081905550826001600160a01b0316846001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef84604051610f5191815260200190565b60405180910390a350505050565b6001600160a01b0383165f90815260096020908152604080832085845290915290205460ff1615610fa25760405162461bcd60e51b815260040161059990611af9565b604080517f158b0a9edf7a828aad02f63cd515c68ef2f50ba807396f6d12842833a159742960208201526001600160a01b03851691810191909152606081018390525f906080016040516020818303038152906040528051906020012090506110148461100e836112ce565b846113cd565b6110605760405162461bcd60e51b815260206004820152601e60248201527f46696174546f6b656e56323a20696e76616c6964207369676e617475726500006044820152606401610599565b6001600160a01b0384165f818152600960209081526040808320878452909152808220805460ff19166001179055518592917f1cdd46ff242716cdaa72d159d339a485b3438398348d68f09d7c8c0a59353d8191a350505050565b83421161111e5760405162461bcd60e51b815260206004820152602b60248201527f46696174546f6b656e56323a20617574686f72697a6174696f6e206973206e6f60448201526a1d081e595d081d985b1a5960aa1b6064820152608401610599565b82421061117b5760405162461bcd60e51b815260206004820152602560248201527f46696174546f6b656e56323a20617574686f72697a6174696f6e2069732065786044820152641c1a5c995960da1b6064820152608401610599565b6001600160a01b0387165f90815260096020908152604080832085845290915290205460ff16156111be5760405162461bcd60e51b815260040161059990611af9565b6040805160208082018b90526001600160a01b038a811683850152891660608301526080820188905260a0820187905260c0820186905260e08083018690528351808403909101815261010090920190925280519101206112228861100e836112ce565b61126e5760405162461bcd60e51b815260206004820152601e60248201527f46696174546f6b656e56323a20696e76616c6964207369676e617475726500006044820152606401610599565b6001600160a01b0388165f818152600960209081526040808320878452909152808220805460ff19166001179055518592917f98de503528ee59b575ef0c0a2576a82497bfc029a5685b209e9ec333479b10a591a3610baa888888610d92565b5f6112d76105e2565b60405161190160f01b6020820152602281019190915260428101839052606201604051602081830303815290604052805190602001209050919050565b5f7f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a082111561134457505f6113c5565b8360ff16601b1415801561135c57508360ff16601c14155b1561136857505f6113c5565b604080515f81526020810180835287905260ff861691810191909152606081018490526080810183905260019060a0016020604051602081039080840390855afa1580156113b8573d5f5f3e3d5ffd5b5050506020604051035190505b949350505050565b5f6001600160a01b0384163b156114ce575f5f856001600160a01b0316631626ba7e60e01b8686604051602401611405929190611b47565b60408051601f198184030181529181526020820180516001600160e01b03166001600160e01b03199094169390931790925290516114439190611b5f565b5f60405180830381855afa9150503d805f811461147b576040519150601f19603f3d011682016040523d82523d5f602084013e611480565b606091505b509150915081801561149457506020815110155b80156114c557508051630b135d3f60e11b906114b99083016020908101908401611b75565b6001600160e01b031916145b925050506105db565b81516041146114de57505f6105db565b6020820151604083015160608401515f90811a906114fe87838686611314565b90506001600160a01b038116158015906115295750876001600160a01b0316816001600160a01b0316145b98975050505050505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f6105db6020830184611535565b80356001600160a01b038116811461158b575f5ffd5b919050565b5f5f604083850312156115a1575f5ffd5b6115aa83611575565b946020939093013593505050565b5f5f5f606084860312156115ca575f5ffd5b6115d384611575565b92506115e160208501611575565b929592945050506040919091013590565b803560ff8116811461158b575f5ffd5b5f5f5f5f5f60a08688031215611616575f5ffd5b61161f86611575565b945060208601359350611634604087016115f2565b94979396509394606081013594506080013592915050565b5f6020828403121561165c575f5ffd5b6105db82611575565b60ff60f81b8816815260e060208201525f61168360e0830189611535565b82810360408401526116958189611535565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b818110156116ea5783518352602093840193909201916001016116cc565b50909b9a5050505050505050505050565b634e487b7160e01b5f52604160045260245ffd5b5f82601f83011261171e575f5ffd5b813567ffffffffffffffff811115611738576117386116fb565b604051601f8201601f19908116603f0116810167ffffffffffffffff81118282101715611767576117676116fb565b60405281815283820160200185101561177e575f5ffd5b816020850160208301375f918101602001919091529392505050565b5f5f5f5f5f5f5f60e0888a0312156117b0575f5ffd5b6117b988611575565b96506117c760208901611575565b955060408801359450606088013593506080880135925060a0880135915060c088013567ffffffffffffffff8111156117fe575f5ffd5b61180a8a828b0161170f565b91505092959891949750929550565b5f5f5f6060848603121561182b575f5ffd5b61183484611575565b925060208401359150604084013567ffffffffffffffff811115611856575f5ffd5b6118628682870161170f565b9150509250925092565b5f5f5f5f5f5f5f60e0888a031215611882575f5ffd5b61188b88611575565b965061189960208901611575565b955060408801359450606088013593506118b5608089016115f2565b9699959850939692959460a0840135945060c09093013592915050565b5f5f604083850312156118e3575f5ffd5b6118ec83611575565b91506118fa60208401611575565b90509250929050565b5f5f5f5f5f5f5f5f5f6101208a8c03121561191c575f5ffd5b6119258a611575565b985061193360208b01611575565b975060408a0135965060608a0135955060808a0135945060a08a0135935061195d60c08b016115f2565b989b979a50959894979396929550929360e081013593506101000135919050565b600181811c9082168061199257607f821691505b6020821081036119b057634e487b7160e01b5f52602260045260245ffd5b50919050565b5f5f83545f8160011c905060018216806119d157607f821691505b6020821081036119ef57634e487b7160e01b5f52602260045260245ffd5b808015611a035760018114611a1857611a46565b60ff1984168752821515830287019450611a46565b5f888152602090205f5b84811015611a3e57815489820152600190910190602001611a22565b505082870194505b50929695505050505050565b634e487b7160e01b5f52601160045260245ffd5b8082018082111561050b5761050b611a52565b928352602083019190915260f81b6001600160f81b031916604082015260410190565b60208082526025908201527f46696174546f6b656e56323a2063616c6c6572206d7573742062652074686520604082015264706179656560d81b606082015260800190565b5f60018201611af257611af2611a52565b5060010190565b6020808252602e908201527f46696174546f6b656e56323a20617574686f72697a6174696f6e20697320757360408201526d1959081bdc8818d85b98d95b195960921b606082015260800190565b828152604060208201525f6113c56040830184611535565b5f82518060208501845e5f920191825250919050565b5f60208284031215611b85575f5ffd5b81516001600160e01b0319811681146105db575f5ffd",
}

// DevUSDCABI is the input ABI used to generate the binding from.
// Deprecated: Use DevUSDCMetaData.ABI instead.
var DevUSDCABI = DevUSDCMetaData.ABI

// DevUSDCBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use DevUSDCMetaData.Bin instead.
var DevUSDCBin = DevUSDCMetaData.Bin

// DeployDevUSDC deploys a new Ethereum contract, binding an instance of DevUSDC to it.
func DeployDevUSDC(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *DevUSDC, error) {
	parsed, err := DevUSDCMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(DevUSDCBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &DevUSDC{DevUSDCCaller: DevUSDCCaller{contract: contract}, DevUSDCTransactor: DevUSDCTransactor{contract: contract}, DevUSDCFilterer: DevUSDCFilterer{contract: contract}}, nil
}

// DevUSDC is an auto generated Go binding around an Ethereum contract.
type DevUSDC struct {
	DevUSDCCaller     // Read-only binding to the contract
	DevUSDCTransactor // Write-only binding to the contract
	DevUSDCFilterer   // Log filterer for contract events
}

// DevUSDCCaller is an auto generated read-only Go binding around an Ethereum contract.
type DevUSDCCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DevUSDCTransactor is an auto generated write-only Go binding around an Ethereum contract.
type DevUSDCTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DevUSDCFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type DevUSDCFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DevUSDCSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type DevUSDCSession struct {
	Contract     *DevUSDC          // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// DevUSDCCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type DevUSDCCallerSession struct {
	Contract *DevUSDCCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts  // Call options to use throughout this session
}

// DevUSDCTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type DevUSDCTransactorSession struct {
	Contract     *DevUSDCTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts  // Transaction auth options to use throughout this session
}

// DevUSDCRaw is an auto generated low-level Go binding around an Ethereum contract.
type DevUSDCRaw struct {
	Contract *DevUSDC // Generic contract binding to access the raw methods on
}

// DevUSDCCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type DevUSDCCallerRaw struct {
	Contract *DevUSDCCaller // Generic read-only contract binding to access the raw methods on
}

// DevUSDCTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type DevUSDCTransactorRaw struct {
	Contract *DevUSDCTransactor // Generic write-only contract binding to access the raw methods on
}

// NewDevUSDC creates a new instance of DevUSDC, bound to a specific deployed contract.
func NewDevUSDC(address common.Address, backend bind.ContractBackend) (*DevUSDC, error) {
	contract, err := bindDevUSDC(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &DevUSDC{DevUSDCCaller: DevUSDCCaller{contract: contract}, DevUSDCTransactor: DevUSDCTransactor{contract: contract}, DevUSDCFilterer: DevUSDCFilterer{contract: contract}}, nil
}

// NewDevUSDCCaller creates a new read-only instance of DevUSDC, bound to a specific deployed contract.
func NewDevUSDCCaller(address common.Address, caller bind.ContractCaller) (*DevUSDCCaller, error) {
	contract, err := bindDevUSDC(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &DevUSDCCaller{contract: contract}, nil
}

// NewDevUSDCTransactor creates a new write-only instance of DevUSDC, bound to a specific deployed contract.
func NewDevUSDCTransactor(address common.Address, transactor bind.ContractTransactor) (*DevUSDCTransactor, error) {
	contract, err := bindDevUSDC(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &DevUSDCTransactor{contract: contract}, nil
}

// NewDevUSDCFilterer creates a new log filterer instance of DevUSDC, bound to a specific deployed contract.
func NewDevUSDCFilterer(address common.Address, filterer bind.ContractFilterer) (*DevUSDCFilterer, error) {
	contract, err := bindDevUSDC(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &DevUSDCFilterer{contract: contract}, nil
}

// bindDevUSDC binds a generic wrapper to an already deployed contract.
func bindDevUSDC(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := DevUSDCMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_DevUSDC *DevUSDCRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _DevUSDC.Contract.DevUSDCCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_DevUSDC *DevUSDCRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DevUSDC.Contract.DevUSDCTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_DevUSDC *DevUSDCRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _DevUSDC.Contract.DevUSDCTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_DevUSDC *DevUSDCCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _DevUSDC.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_DevUSDC *DevUSDCTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DevUSDC.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_DevUSDC *DevUSDCTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _DevUSDC.Contract.contract.Transact(opts, method, params...)
}

// CANCELAUTHORIZATIONTYPEHASH is a free data retrieval call binding the contract method 0xd9169487.
//
// Solidity: function CANCEL_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (_DevUSDC *DevUSDCCaller) CANCELAUTHORIZATIONTYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "CANCEL_AUTHORIZATION_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// CANCELAUTHORIZATIONTYPEHASH is a free data retrieval call binding the contract method 0xd9169487.
//
// Solidity: function CANCEL_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (_DevUSDC *DevUSDCSession) CANCELAUTHORIZATIONTYPEHASH() ([32]byte, error) {
	return _DevUSDC.Contract.CANCELAUTHORIZATIONTYPEHASH(&_DevUSDC.CallOpts)
}

// CANCELAUTHORIZATIONTYPEHASH is a free data retrieval call binding the contract method 0xd9169487.
//
// Solidity: function CANCEL_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (_DevUSDC *DevUSDCCallerSession) CANCELAUTHORIZATIONTYPEHASH() ([32]byte, error) {
	return _DevUSDC.Contract.CANCELAUTHORIZATIONTYPEHASH(&_DevUSDC.CallOpts)
}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_DevUSDC *DevUSDCCaller) DOMAINSEPARATOR(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "DOMAIN_SEPARATOR")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_DevUSDC *DevUSDCSession) DOMAINSEPARATOR() ([32]byte, error) {
	return _DevUSDC.Contract.DOMAINSEPARATOR(&_DevUSDC.CallOpts)
}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_DevUSDC *DevUSDCCallerSession) DOMAINSEPARATOR() ([32]byte, error) {
	return _DevUSDC.Contract.DOMAINSEPARATOR(&_DevUSDC.CallOpts)
}

// PERMITTYPEHASH is a free data retrieval call binding the contract method 0x30adf81f.
//
// Solidity: function PERMIT_TYPEHASH() view returns(bytes32)
func (_DevUSDC *DevUSDCCaller) PERMITTYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "PERMIT_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// PERMITTYPEHASH is a free data retrieval call binding the contract method 0x30adf81f.
//
// Solidity: function PERMIT_TYPEHASH() view returns(bytes32)
func (_DevUSDC *DevUSDCSession) PERMITTYPEHASH() ([32]byte, error) {
	return _DevUSDC.Contract.PERMITTYPEHASH(&_DevUSDC.CallOpts)
}

// PERMITTYPEHASH is a free data retrieval call binding the contract method 0x30adf81f.
//
// Solidity: function PERMIT_TYPEHASH() view returns(bytes32)
func (_DevUSDC *DevUSDCCallerSession) PERMITTYPEHASH() ([32]byte, error) {
	return _DevUSDC.Contract.PERMITTYPEHASH(&_DevUSDC.CallOpts)
}

// RECEIVEWITHAUTHORIZATIONTYPEHASH is a free data retrieval call binding the contract method 0x7f2eecc3.
//
// Solidity: function RECEIVE_WITH_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (_DevUSDC *DevUSDCCaller) RECEIVEWITHAUTHORIZATIONTYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "RECEIVE_WITH_AUTHORIZATION_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// RECEIVEWITHAUTHORIZATIONTYPEHASH is a free data retrieval call binding the contract method 0x7f2eecc3.
//
// Solidity: function RECEIVE_WITH_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (_DevUSDC *DevUSDCSession) RECEIVEWITHAUTHORIZATIONTYPEHASH() ([32]byte, error) {
	return _DevUSDC.Contract.RECEIVEWITHAUTHORIZATIONTYPEHASH(&_DevUSDC.CallOpts)
}

// RECEIVEWITHAUTHORIZATIONTYPEHASH is a free data retrieval call binding the contract method 0x7f2eecc3.
//
// Solidity: function RECEIVE_WITH_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (_DevUSDC *DevUSDCCallerSession) RECEIVEWITHAUTHORIZATIONTYPEHASH() ([32]byte, error) {
	return _DevUSDC.Contract.RECEIVEWITHAUTHORIZATIONTYPEHASH(&_DevUSDC.CallOpts)
}

// TRANSFERWITHAUTHORIZATIONTYPEHASH is a free data retrieval call binding the contract method 0xa0cc6a68.
//
// Solidity: function TRANSFER_WITH_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (_DevUSDC *DevUSDCCaller) TRANSFERWITHAUTHORIZATIONTYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "TRANSFER_WITH_AUTHORIZATION_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// TRANSFERWITHAUTHORIZATIONTYPEHASH is a free data retrieval call binding the contract method 0xa0cc6a68.
//
// Solidity: function TRANSFER_WITH_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (_DevUSDC *DevUSDCSession) TRANSFERWITHAUTHORIZATIONTYPEHASH() ([32]byte, error) {
	return _DevUSDC.Contract.TRANSFERWITHAUTHORIZATIONTYPEHASH(&_DevUSDC.CallOpts)
}

// TRANSFERWITHAUTHORIZATIONTYPEHASH is a free data retrieval call binding the contract method 0xa0cc6a68.
//
// Solidity: function TRANSFER_WITH_AUTHORIZATION_TYPEHASH() view returns(bytes32)
func (_DevUSDC *DevUSDCCallerSession) TRANSFERWITHAUTHORIZATIONTYPEHASH() ([32]byte, error) {
	return _DevUSDC.Contract.TRANSFERWITHAUTHORIZATIONTYPEHASH(&_DevUSDC.CallOpts)
}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address , address ) view returns(uint256)
func (_DevUSDC *DevUSDCCaller) Allowance(opts *bind.CallOpts, arg0 common.Address, arg1 common.Address) (*big.Int, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "allowance", arg0, arg1)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address , address ) view returns(uint256)
func (_DevUSDC *DevUSDCSession) Allowance(arg0 common.Address, arg1 common.Address) (*big.Int, error) {
	return _DevUSDC.Contract.Allowance(&_DevUSDC.CallOpts, arg0, arg1)
}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address , address ) view returns(uint256)
func (_DevUSDC *DevUSDCCallerSession) Allowance(arg0 common.Address, arg1 common.Address) (*big.Int, error) {
	return _DevUSDC.Contract.Allowance(&_DevUSDC.CallOpts, arg0, arg1)
}

// AuthorizationState is a free data retrieval call binding the contract method 0xe94a0102.
//
// Solidity: function authorizationState(address authorizer, bytes32 nonce) view returns(bool)
func (_DevUSDC *DevUSDCCaller) AuthorizationState(opts *bind.CallOpts, authorizer common.Address, nonce [32]byte) (bool, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "authorizationState", authorizer, nonce)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// AuthorizationState is a free data retrieval call binding the contract method 0xe94a0102.
//
// Solidity: function authorizationState(address authorizer, bytes32 nonce) view returns(bool)
func (_DevUSDC *DevUSDCSession) AuthorizationState(authorizer common.Address, nonce [32]byte) (bool, error) {
	return _DevUSDC.Contract.AuthorizationState(&_DevUSDC.CallOpts, authorizer, nonce)
}

// AuthorizationState is a free data retrieval call binding the contract method 0xe94a0102.
//
// Solidity: function authorizationState(address authorizer, bytes32 nonce) view returns(bool)
func (_DevUSDC *DevUSDCCallerSession) AuthorizationState(authorizer common.Address, nonce [32]byte) (bool, error) {
	return _DevUSDC.Contract.AuthorizationState(&_DevUSDC.CallOpts, authorizer, nonce)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (_DevUSDC *DevUSDCCaller) BalanceOf(opts *bind.CallOpts, arg0 common.Address) (*big.Int, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "balanceOf", arg0)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (_DevUSDC *DevUSDCSession) BalanceOf(arg0 common.Address) (*big.Int, error) {
	return _DevUSDC.Contract.BalanceOf(&_DevUSDC.CallOpts, arg0)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (_DevUSDC *DevUSDCCallerSession) BalanceOf(arg0 common.Address) (*big.Int, error) {
	return _DevUSDC.Contract.BalanceOf(&_DevUSDC.CallOpts, arg0)
}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (_DevUSDC *DevUSDCCaller) Decimals(opts *bind.CallOpts) (uint8, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "decimals")

	if err != nil {
		return *new(uint8), err
	}

	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)

	return out0, err

}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (_DevUSDC *DevUSDCSession) Decimals() (uint8, error) {
	return _DevUSDC.Contract.Decimals(&_DevUSDC.CallOpts)
}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (_DevUSDC *DevUSDCCallerSession) Decimals() (uint8, error) {
	return _DevUSDC.Contract.Decimals(&_DevUSDC.CallOpts)
}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name_, string version_, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_DevUSDC *DevUSDCCaller) Eip712Domain(opts *bind.CallOpts) (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "eip712Domain")

	outstruct := new(struct {
		Fields            [1]byte
		Name              string
		Version           string
		ChainId           *big.Int
		VerifyingContract common.Address
		Salt              [32]byte
		Extensions        []*big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = *abi.ConvertType(out[3], new(*big.Int)).(**big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)

	return *outstruct, err

}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name_, string version_, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_DevUSDC *DevUSDCSession) Eip712Domain() (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	return _DevUSDC.Contract.Eip712Domain(&_DevUSDC.CallOpts)
}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name_, string version_, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_DevUSDC *DevUSDCCallerSession) Eip712Domain() (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	return _DevUSDC.Contract.Eip712Domain(&_DevUSDC.CallOpts)
}

// Minter is a free data retrieval call binding the contract method 0x07546172.
//
// Solidity: function minter() view returns(address)
func (_DevUSDC *DevUSDCCaller) Minter(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "minter")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Minter is a free data retrieval call binding the contract method 0x07546172.
//
// Solidity: function minter() view returns(address)
func (_DevUSDC *DevUSDCSession) Minter() (common.Address, error) {
	return _DevUSDC.Contract.Minter(&_DevUSDC.CallOpts)
}

// Minter is a free data retrieval call binding the contract method 0x07546172.
//
// Solidity: function minter() view returns(address)
func (_DevUSDC *DevUSDCCallerSession) Minter() (common.Address, error) {
	return _DevUSDC.Contract.Minter(&_DevUSDC.CallOpts)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_DevUSDC *DevUSDCCaller) Name(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "name")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_DevUSDC *DevUSDCSession) Name() (string, error) {
	return _DevUSDC.Contract.Name(&_DevUSDC.CallOpts)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_DevUSDC *DevUSDCCallerSession) Name() (string, error) {
	return _DevUSDC.Contract.Name(&_DevUSDC.CallOpts)
}

// Nonces is a free data retrieval call binding the contract method 0x7ecebe00.
//
// Solidity: function nonces(address ) view returns(uint256)
func (_DevUSDC *DevUSDCCaller) Nonces(opts *bind.CallOpts, arg0 common.Address) (*big.Int, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "nonces", arg0)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Nonces is a free data retrieval call binding the contract method 0x7ecebe00.
//
// Solidity: function nonces(address ) view returns(uint256)
func (_DevUSDC *DevUSDCSession) Nonces(arg0 common.Address) (*big.Int, error) {
	return _DevUSDC.Contract.Nonces(&_DevUSDC.CallOpts, arg0)
}

// Nonces is a free data retrieval call binding the contract method 0x7ecebe00.
//
// Solidity: function nonces(address ) view returns(uint256)
func (_DevUSDC *DevUSDCCallerSession) Nonces(arg0 common.Address) (*big.Int, error) {
	return _DevUSDC.Contract.Nonces(&_DevUSDC.CallOpts, arg0)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_DevUSDC *DevUSDCCaller) Symbol(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "symbol")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_DevUSDC *DevUSDCSession) Symbol() (string, error) {
	return _DevUSDC.Contract.Symbol(&_DevUSDC.CallOpts)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_DevUSDC *DevUSDCCallerSession) Symbol() (string, error) {
	return _DevUSDC.Contract.Symbol(&_DevUSDC.CallOpts)
}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_DevUSDC *DevUSDCCaller) TotalSupply(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "totalSupply")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_DevUSDC *DevUSDCSession) TotalSupply() (*big.Int, error) {
	return _DevUSDC.Contract.TotalSupply(&_DevUSDC.CallOpts)
}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_DevUSDC *DevUSDCCallerSession) TotalSupply() (*big.Int, error) {
	return _DevUSDC.Contract.TotalSupply(&_DevUSDC.CallOpts)
}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (_DevUSDC *DevUSDCCaller) Version(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _DevUSDC.contract.Call(opts, &out, "version")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (_DevUSDC *DevUSDCSession) Version() (string, error) {
	return _DevUSDC.Contract.Version(&_DevUSDC.CallOpts)
}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (_DevUSDC *DevUSDCCallerSession) Version() (string, error) {
	return _DevUSDC.Contract.Version(&_DevUSDC.CallOpts)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_DevUSDC *DevUSDCTransactor) Approve(opts *bind.TransactOpts, spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevUSDC.contract.Transact(opts, "approve", spender, value)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_DevUSDC *DevUSDCSession) Approve(spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevUSDC.Contract.Approve(&_DevUSDC.TransactOpts, spender, value)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_DevUSDC *DevUSDCTransactorSession) Approve(spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevUSDC.Contract.Approve(&_DevUSDC.TransactOpts, spender, value)
}

// CancelAuthorization is a paid mutator transaction binding the contract method 0x5a049a70.
//
// Solidity: function cancelAuthorization(address authorizer, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevUSDC *DevUSDCTransactor) CancelAuthorization(opts *bind.TransactOpts, authorizer common.Address, nonce [32]byte, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevUSDC.contract.Transact(opts, "cancelAuthorization", authorizer, nonce, v, r, s)
}

// CancelAuthorization is a paid mutator transaction binding the contract method 0x5a049a70.
//
// Solidity: function cancelAuthorization(address authorizer, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevUSDC *DevUSDCSession) CancelAuthorization(authorizer common.Address, nonce [32]byte, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevUSDC.Contract.CancelAuthorization(&_DevUSDC.TransactOpts, authorizer, nonce, v, r, s)
}

// CancelAuthorization is a paid mutator transaction binding the contract method 0x5a049a70.
//
// Solidity: function cancelAuthorization(address authorizer, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevUSDC *DevUSDCTransactorSession) CancelAuthorization(authorizer common.Address, nonce [32]byte, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevUSDC.Contract.CancelAuthorization(&_DevUSDC.TransactOpts, authorizer, nonce, v, r, s)
}

// CancelAuthorization0 is a paid mutator transaction binding the contract method 0xb7b72899.
//
// Solidity: function cancelAuthorization(address authorizer, bytes32 nonce, bytes signature) returns()
func (_DevUSDC *DevUSDCTransactor) CancelAuthorization0(opts *bind.TransactOpts, authorizer common.Address, nonce [32]byte, signature []byte) (*types.Transaction, error) {
	return _DevUSDC.contract.Transact(opts, "cancelAuthorization0", authorizer, nonce, signature)
}

// CancelAuthorization0 is a paid mutator transaction binding the contract method 0xb7b72899.
//
// Solidity: function cancelAuthorization(address authorizer, bytes32 nonce, bytes signature) returns()
func (_DevUSDC *DevUSDCSession) CancelAuthorization0(authorizer common.Address, nonce [32]byte, signature []byte) (*types.Transaction, error) {
	return _DevUSDC.Contract.CancelAuthorization0(&_DevUSDC.TransactOpts, authorizer, nonce, signature)
}

// CancelAuthorization0 is a paid mutator transaction binding the contract method 0xb7b72899.
//
// Solidity: function cancelAuthorization(address authorizer, bytes32 nonce, bytes signature) returns()
func (_DevUSDC *DevUSDCTransactorSession) CancelAuthorization0(authorizer common.Address, nonce [32]byte, signature []byte) (*types.Transaction, error) {
	return _DevUSDC.Contract.CancelAuthorization0(&_DevUSDC.TransactOpts, authorizer, nonce, signature)
}

// Mint is a paid mutator transaction binding the contract method 0x40c10f19.
//
// Solidity: function mint(address to, uint256 value) returns()
func (_DevUSDC *DevUSDCTransactor) Mint(opts *bind.TransactOpts, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevUSDC.contract.Transact(opts, "mint", to, value)
}

// Mint is a paid mutator transaction binding the contract method 0x40c10f19.
//
// Solidity: function mint(address to, uint256 value) returns()
func (_DevUSDC *DevUSDCSession) Mint(to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevUSDC.Contract.Mint(&_DevUSDC.TransactOpts, to, value)
}

// Mint is a paid mutator transaction binding the contract method 0x40c10f19.
//
// Solidity: function mint(address to, uint256 value) returns()
func (_DevUSDC *DevUSDCTransactorSession) Mint(to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevUSDC.Contract.Mint(&_DevUSDC.TransactOpts, to, value)
}

// Permit is a paid mutator transaction binding the contract method 0xd505accf.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevUSDC *DevUSDCTransactor) Permit(opts *bind.TransactOpts, owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevUSDC.contract.Transact(opts, "permit", owner, spender, value, deadline, v, r, s)
}

// Permit is a paid mutator transaction binding the contract method 0xd505accf.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevUSDC *DevUSDCSession) Permit(owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevUSDC.Contract.Permit(&_DevUSDC.TransactOpts, owner, spender, value, deadline, v, r, s)
}

// Permit is a paid mutator transaction binding the contract method 0xd505accf.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevUSDC *DevUSDCTransactorSession) Permit(owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevUSDC.Contract.Permit(&_DevUSDC.TransactOpts, owner, spender, value, deadline, v, r, s)
}

// ReceiveWithAuthorization is a paid mutator transaction binding the contract method 0x88b7ab63.
//
// Solidity: function receiveWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, bytes signature) returns()
func (_DevUSDC *DevUSDCTransactor) ReceiveWithAuthorization(opts *bind.TransactOpts, from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, signature []byte) (*types.Transaction, error) {
	return _DevUSDC.contract.Transact(opts, "receiveWithAuthorization", from, to, value, validAfter, validBefore, nonce, signature)
}

// ReceiveWithAuthorization is a paid mutator transaction binding the contract method 0x88b7ab63.
//
// Solidity: function receiveWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, bytes signature) returns()
func (_DevUSDC *DevUSDCSession) ReceiveWithAuthorization(from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, signature []byte) (*types.Transaction, error) {
	return _DevUSDC.Contract.ReceiveWithAuthorization(&_DevUSDC.TransactOpts, from, to, value, validAfter, validBefore, nonce, signature)
}

// ReceiveWithAuthorization is a paid mutator transaction binding the contract method 0x88b7ab63.
//
// Solidity: function receiveWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, bytes signature) returns()
func (_DevUSDC *DevUSDCTransactorSession) ReceiveWithAuthorization(from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, signature []byte) (*types.Transaction, error) {
	return _DevUSDC.Contract.ReceiveWithAuthorization(&_DevUSDC.TransactOpts, from, to, value, validAfter, validBefore, nonce, signature)
}

// ReceiveWithAuthorization0 is a paid mutator transaction binding the contract method 0xef55bec6.
//
// Solidity: function receiveWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevUSDC *DevUSDCTransactor) ReceiveWithAuthorization0(opts *bind.TransactOpts, from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevUSDC.contract.Transact(opts, "receiveWithAuthorization0", from, to, value, validAfter, validBefore, nonce, v, r, s)
}

// ReceiveWithAuthorization0 is a paid mutator transaction binding the contract method 0xef55bec6.
//
// Solidity: function receiveWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevUSDC *DevUSDCSession) ReceiveWithAuthorization0(from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevUSDC.Contract.ReceiveWithAuthorization0(&_DevUSDC.TransactOpts, from, to, value, validAfter, validBefore, nonce, v, r, s)
}

// ReceiveWithAuthorization0 is a paid mutator transaction binding the contract method 0xef55bec6.
//
// Solidity: function receiveWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevUSDC *DevUSDCTransactorSession) ReceiveWithAuthorization0(from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevUSDC.Contract.ReceiveWithAuthorization0(&_DevUSDC.TransactOpts, from, to, value, validAfter, validBefore, nonce, v, r, s)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_DevUSDC *DevUSDCTransactor) Transfer(opts *bind.TransactOpts, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevUSDC.contract.Transact(opts, "transfer", to, value)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_DevUSDC *DevUSDCSession) Transfer(to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevUSDC.Contract.Transfer(&_DevUSDC.TransactOpts, to, value)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_DevUSDC *DevUSDCTransactorSession) Transfer(to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevUSDC.Contract.Transfer(&_DevUSDC.TransactOpts, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_DevUSDC *DevUSDCTransactor) TransferFrom(opts *bind.TransactOpts, from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevUSDC.contract.Transact(opts, "transferFrom", from, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_DevUSDC *DevUSDCSession) TransferFrom(from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevUSDC.Contract.TransferFrom(&_DevUSDC.TransactOpts, from, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_DevUSDC *DevUSDCTransactorSession) TransferFrom(from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _DevUSDC.Contract.TransferFrom(&_DevUSDC.TransactOpts, from, to, value)
}

// TransferWithAuthorization is a paid mutator transaction binding the contract method 0xcf092995.
//
// Solidity: function transferWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, bytes signature) returns()
func (_DevUSDC *DevUSDCTransactor) TransferWithAuthorization(opts *bind.TransactOpts, from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, signature []byte) (*types.Transaction, error) {
	return _DevUSDC.contract.Transact(opts, "transferWithAuthorization", from, to, value, validAfter, validBefore, nonce, signature)
}

// TransferWithAuthorization is a paid mutator transaction binding the contract method 0xcf092995.
//
// Solidity: function transferWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, bytes signature) returns()
func (_DevUSDC *DevUSDCSession) TransferWithAuthorization(from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, signature []byte) (*types.Transaction, error) {
	return _DevUSDC.Contract.TransferWithAuthorization(&_DevUSDC.TransactOpts, from, to, value, validAfter, validBefore, nonce, signature)
}

// TransferWithAuthorization is a paid mutator transaction binding the contract method 0xcf092995.
//
// Solidity: function transferWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, bytes signature) returns()
func (_DevUSDC *DevUSDCTransactorSession) TransferWithAuthorization(from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, signature []byte) (*types.Transaction, error) {
	return _DevUSDC.Contract.TransferWithAuthorization(&_DevUSDC.TransactOpts, from, to, value, validAfter, validBefore, nonce, signature)
}

// TransferWithAuthorization0 is a paid mutator transaction binding the contract method 0xe3ee160e.
//
// Solidity: function transferWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevUSDC *DevUSDCTransactor) TransferWithAuthorization0(opts *bind.TransactOpts, from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevUSDC.contract.Transact(opts, "transferWithAuthorization0", from, to, value, validAfter, validBefore, nonce, v, r, s)
}

// TransferWithAuthorization0 is a paid mutator transaction binding the contract method 0xe3ee160e.
//
// Solidity: function transferWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevUSDC *DevUSDCSession) TransferWithAuthorization0(from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevUSDC.Contract.TransferWithAuthorization0(&_DevUSDC.TransactOpts, from, to, value, validAfter, validBefore, nonce, v, r, s)
}

// TransferWithAuthorization0 is a paid mutator transaction binding the contract method 0xe3ee160e.
//
// Solidity: function transferWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) returns()
func (_DevUSDC *DevUSDCTransactorSession) TransferWithAuthorization0(from common.Address, to common.Address, value *big.Int, validAfter *big.Int, validBefore *big.Int, nonce [32]byte, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _DevUSDC.Contract.TransferWithAuthorization0(&_DevUSDC.TransactOpts, from, to, value, validAfter, validBefore, nonce, v, r, s)
}

// DevUSDCApprovalIterator is returned from FilterApproval and is used to iterate over the raw logs and unpacked data for Approval events raised by the DevUSDC contract.
type DevUSDCApprovalIterator struct {
	Event *DevUSDCApproval // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *DevUSDCApprovalIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DevUSDCApproval)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(DevUSDCApproval)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *DevUSDCApprovalIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DevUSDCApprovalIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DevUSDCApproval represents a Approval event raised by the DevUSDC contract.
type DevUSDCApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterApproval is a free log retrieval operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_DevUSDC *DevUSDCFilterer) FilterApproval(opts *bind.FilterOpts, owner []common.Address, spender []common.Address) (*DevUSDCApprovalIterator, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var spenderRule []interface{}
	for _, spenderItem := range spender {
		spenderRule = append(spenderRule, spenderItem)
	}

	logs, sub, err := _DevUSDC.contract.FilterLogs(opts, "Approval", ownerRule, spenderRule)
	if err != nil {
		return nil, err
	}
	return &DevUSDCApprovalIterator{contract: _DevUSDC.contract, event: "Approval", logs: logs, sub: sub}, nil
}

// WatchApproval is a free log subscription operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_DevUSDC *DevUSDCFilterer) WatchApproval(opts *bind.WatchOpts, sink chan<- *DevUSDCApproval, owner []common.Address, spender []common.Address) (event.Subscription, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var spenderRule []interface{}
	for _, spenderItem := range spender {
		spenderRule = append(spenderRule, spenderItem)
	}

	logs, sub, err := _DevUSDC.contract.WatchLogs(opts, "Approval", ownerRule, spenderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DevUSDCApproval)
				if err := _DevUSDC.contract.UnpackLog(event, "Approval", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseApproval is a log parse operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_DevUSDC *DevUSDCFilterer) ParseApproval(log types.Log) (*DevUSDCApproval, error) {
	event := new(DevUSDCApproval)
	if err := _DevUSDC.contract.UnpackLog(event, "Approval", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DevUSDCAuthorizationCanceledIterator is returned from FilterAuthorizationCanceled and is used to iterate over the raw logs and unpacked data for AuthorizationCanceled events raised by the DevUSDC contract.
type DevUSDCAuthorizationCanceledIterator struct {
	Event *DevUSDCAuthorizationCanceled // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *DevUSDCAuthorizationCanceledIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DevUSDCAuthorizationCanceled)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(DevUSDCAuthorizationCanceled)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *DevUSDCAuthorizationCanceledIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DevUSDCAuthorizationCanceledIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DevUSDCAuthorizationCanceled represents a AuthorizationCanceled event raised by the DevUSDC contract.
type DevUSDCAuthorizationCanceled struct {
	Authorizer common.Address
	Nonce      [32]byte
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterAuthorizationCanceled is a free log retrieval operation binding the contract event 0x1cdd46ff242716cdaa72d159d339a485b3438398348d68f09d7c8c0a59353d81.
//
// Solidity: event AuthorizationCanceled(address indexed authorizer, bytes32 indexed nonce)
func (_DevUSDC *DevUSDCFilterer) FilterAuthorizationCanceled(opts *bind.FilterOpts, authorizer []common.Address, nonce [][32]byte) (*DevUSDCAuthorizationCanceledIterator, error) {

	var authorizerRule []interface{}
	for _, authorizerItem := range authorizer {
		authorizerRule = append(authorizerRule, authorizerItem)
	}
	var nonceRule []interface{}
	for _, nonceItem := range nonce {
		nonceRule = append(nonceRule, nonceItem)
	}

	logs, sub, err := _DevUSDC.contract.FilterLogs(opts, "AuthorizationCanceled", authorizerRule, nonceRule)
	if err != nil {
		return nil, err
	}
	return &DevUSDCAuthorizationCanceledIterator{contract: _DevUSDC.contract, event: "AuthorizationCanceled", logs: logs, sub: sub}, nil
}

// WatchAuthorizationCanceled is a free log subscription operation binding the contract event 0x1cdd46ff242716cdaa72d159d339a485b3438398348d68f09d7c8c0a59353d81.
//
// Solidity: event AuthorizationCanceled(address indexed authorizer, bytes32 indexed nonce)
func (_DevUSDC *DevUSDCFilterer) WatchAuthorizationCanceled(opts *bind.WatchOpts, sink chan<- *DevUSDCAuthorizationCanceled, authorizer []common.Address, nonce [][32]byte) (event.Subscription, error) {

	var authorizerRule []interface{}
	for _, authorizerItem := range authorizer {
		authorizerRule = append(authorizerRule, authorizerItem)
	}
	var nonceRule []interface{}
	for _, nonceItem := range nonce {
		nonceRule = append(nonceRule, nonceItem)
	}

	logs, sub, err := _DevUSDC.contract.WatchLogs(opts, "AuthorizationCanceled", authorizerRule, nonceRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DevUSDCAuthorizationCanceled)
				if err := _DevUSDC.contract.UnpackLog(event, "AuthorizationCanceled", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseAuthorizationCanceled is a log parse operation binding the contract event 0x1cdd46ff242716cdaa72d159d339a485b3438398348d68f09d7c8c0a59353d81.
//
// Solidity: event AuthorizationCanceled(address indexed authorizer, bytes32 indexed nonce)
func (_DevUSDC *DevUSDCFilterer) ParseAuthorizationCanceled(log types.Log) (*DevUSDCAuthorizationCanceled, error) {
	event := new(DevUSDCAuthorizationCanceled)
	if err := _DevUSDC.contract.UnpackLog(event, "AuthorizationCanceled", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DevUSDCAuthorizationUsedIterator is returned from FilterAuthorizationUsed and is used to iterate over the raw logs and unpacked data for AuthorizationUsed events raised by the DevUSDC contract.
type DevUSDCAuthorizationUsedIterator struct {
	Event *DevUSDCAuthorizationUsed // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *DevUSDCAuthorizationUsedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DevUSDCAuthorizationUsed)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(DevUSDCAuthorizationUsed)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *DevUSDCAuthorizationUsedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DevUSDCAuthorizationUsedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DevUSDCAuthorizationUsed represents a AuthorizationUsed event raised by the DevUSDC contract.
type DevUSDCAuthorizationUsed struct {
	Authorizer common.Address
	Nonce      [32]byte
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterAuthorizationUsed is a free log retrieval operation binding the contract event 0x98de503528ee59b575ef0c0a2576a82497bfc029a5685b209e9ec333479b10a5.
//
// Solidity: event AuthorizationUsed(address indexed authorizer, bytes32 indexed nonce)
func (_DevUSDC *DevUSDCFilterer) FilterAuthorizationUsed(opts *bind.FilterOpts, authorizer []common.Address, nonce [][32]byte) (*DevUSDCAuthorizationUsedIterator, error) {

	var authorizerRule []interface{}
	for _, authorizerItem := range authorizer {
		authorizerRule = append(authorizerRule, authorizerItem)
	}
	var nonceRule []interface{}
	for _, nonceItem := range nonce {
		nonceRule = append(nonceRule, nonceItem)
	}

	logs, sub, err := _DevUSDC.contract.FilterLogs(opts, "AuthorizationUsed", authorizerRule, nonceRule)
	if err != nil {
		return nil, err
	}
	return &DevUSDCAuthorizationUsedIterator{contract: _DevUSDC.contract, event: "AuthorizationUsed", logs: logs, sub: sub}, nil
}

// WatchAuthorizationUsed is a free log subscription operation binding the contract event 0x98de503528ee59b575ef0c0a2576a82497bfc029a5685b209e9ec333479b10a5.
//
// Solidity: event AuthorizationUsed(address indexed authorizer, bytes32 indexed nonce)
func (_DevUSDC *DevUSDCFilterer) WatchAuthorizationUsed(opts *bind.WatchOpts, sink chan<- *DevUSDCAuthorizationUsed, authorizer []common.Address, nonce [][32]byte) (event.Subscription, error) {

	var authorizerRule []interface{}
	for _, authorizerItem := range authorizer {
		authorizerRule = append(authorizerRule, authorizerItem)
	}
	var nonceRule []interface{}
	for _, nonceItem := range nonce {
		nonceRule = append(nonceRule, nonceItem)
	}

	logs, sub, err := _DevUSDC.contract.WatchLogs(opts, "AuthorizationUsed", authorizerRule, nonceRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DevUSDCAuthorizationUsed)
				if err := _DevUSDC.contract.UnpackLog(event, "AuthorizationUsed", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseAuthorizationUsed is a log parse operation binding the contract event 0x98de503528ee59b575ef0c0a2576a82497bfc029a5685b209e9ec333479b10a5.
//
// Solidity: event AuthorizationUsed(address indexed authorizer, bytes32 indexed nonce)
func (_DevUSDC *DevUSDCFilterer) ParseAuthorizationUsed(log types.Log) (*DevUSDCAuthorizationUsed, error) {
	event := new(DevUSDCAuthorizationUsed)
	if err := _DevUSDC.contract.UnpackLog(event, "AuthorizationUsed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DevUSDCTransferIterator is returned from FilterTransfer and is used to iterate over the raw logs and unpacked data for Transfer events raised by the DevUSDC contract.
type DevUSDCTransferIterator struct {
	Event *DevUSDCTransfer // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *DevUSDCTransferIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DevUSDCTransfer)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(DevUSDCTransfer)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *DevUSDCTransferIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DevUSDCTransferIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DevUSDCTransfer represents a Transfer event raised by the DevUSDC contract.
type DevUSDCTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   types.Log // Blockchain specific contextual infos
}

// FilterTransfer is a free log retrieval operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_DevUSDC *DevUSDCFilterer) FilterTransfer(opts *bind.FilterOpts, from []common.Address, to []common.Address) (*DevUSDCTransferIterator, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _DevUSDC.contract.FilterLogs(opts, "Transfer", fromRule, toRule)
	if err != nil {
		return nil, err
	}
	return &DevUSDCTransferIterator{contract: _DevUSDC.contract, event: "Transfer", logs: logs, sub: sub}, nil
}

// WatchTransfer is a free log subscription operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_DevUSDC *DevUSDCFilterer) WatchTransfer(opts *bind.WatchOpts, sink chan<- *DevUSDCTransfer, from []common.Address, to []common.Address) (event.Subscription, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _DevUSDC.contract.WatchLogs(opts, "Transfer", fromRule, toRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DevUSDCTransfer)
				if err := _DevUSDC.contract.UnpackLog(event, "Transfer", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseTransfer is a log parse operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_DevUSDC *DevUSDCFilterer) ParseTransfer(log types.Log) (*DevUSDCTransfer, error) {
	event := new(DevUSDCTransfer)
	if err := _DevUSDC.contract.UnpackLog(event, "Transfer", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// IdentityRegistryMetaData contains all meta data concerning the IdentityRegistry contract.
var IdentityRegistryMetaData = &bind.MetaData{
	ABI: "[{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"approved\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"ApprovalForAll\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"agentId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"string\",\"name\":\"indexedMetadataKey\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"metadataKey\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"metadataValue\",\"type\":\"bytes\"}],\"name\":\"MetadataSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"agentId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"agentURI\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"Registered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"agentId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"newURI\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"updatedBy\",\"type\":\"address\"}],\"name\":\"URIUpdated\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"getApproved\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"agentId\",\"type\":\"uint256\"},{\"internalType\":\"string\",\"name\":\"metadataKey\",\"type\":\"string\"}],\"name\":\"getMetadata\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isApprovedForAll\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ownerOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"register\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"agentId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"agentURI\",\"type\":\"string\"},{\"components\":[{\"internalType\":\"string\",\"name\":\"metadataKey\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"metadataValue\",\"type\":\"bytes\"}],\"internalType\":\"structIdentityRegistry.MetadataEntry[]\",\"name\":\"metadata\",\"type\":\"tuple[]\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"agentId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"agentURI\",\"type\":\"string\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"agentId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"agentId\",\"type\":\"uint256\"},{\"internalType\":\"string\",\"name\":\"newURI\",\"type\":\"string\"}],\"name\":\"setAgentURI\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"setApprovalForAll\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"agentId\",\"type\":\"uint256\"},{\"internalType\":\"string\",\"name\":\"metadataKey\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"metadataValue\",\"type\":\"bytes\"}],\"name\":\"setMetadata\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"tokenURI\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalAgents\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b506118628061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610127575f3560e01c806370a08231116100a9578063c50537121161006e578063c5053712146102a7578063c87b56dd146102ae578063cb4799f2146102c1578063e985e9c5146102d4578063f2c298be1461030f575f5ffd5b806370a082311461023a5780638ea422861461024d57806395d89b4114610260578063a22cb46514610281578063b88d4fde14610294575f5ffd5b80631aa3a008116100ef5780631aa3a008146101d857806323b872dd146101ee57806342842e0e14610201578063466648da146102145780636352211e14610227575f5ffd5b806301ffc9a71461012b57806306fdde0314610153578063081812fc14610185578063095ea7b3146101b05780630af28bd3146101c5575b5f5ffd5b61013e61013936600461109e565b610322565b60405190151581526020015b60405180910390f35b60408051808201909152600d81526c4167656e744964656e7469747960981b60208201525b60405161014a91906110e7565b6101986101933660046110f9565b610373565b6040516001600160a01b03909116815260200161014a565b6101c36101be36600461112b565b610399565b005b6101c36101d3366004611197565b61051b565b6101e0610586565b60405190815260200161014a565b6101c36101fc3660046111de565b6105a3565b6101c361020f3660046111de565b61079a565b6101c3610222366004611218565b6107b9565b6101986102353660046110f9565b61083b565b6101e061024836600461128f565b61089a565b6101e061025b3660046112a8565b61091e565b6040805180820190915260058152641051d1539560da1b6020820152610178565b6101c361028f366004611341565b610a4d565b6101c36102a236600461138e565b610b10565b5f546101e0565b6101786102bc3660046110f9565b610c22565b6101786102cf366004611197565b610d1e565b61013e6102e2366004611468565b6001600160a01b039182165f90815260046020908152604080832093909416825291909152205460ff1690565b6101e061031d366004611499565b610ddf565b5f6301ffc9a760e01b6001600160e01b03198316148061035257506380ac58cd60e01b6001600160e01b03198316145b8061036d5750635b5e139f60e01b6001600160e01b03198316145b92915050565b5f61037d8261083b565b50505f908152600360205260409020546001600160a01b031690565b5f6103a38261083b565b9050806001600160a01b0316836001600160a01b0316036104155760405162461bcd60e51b815260206004820152602160248201527f4552433732313a20617070726f76616c20746f2063757272656e74206f776e656044820152603960f91b60648201526084015b60405180910390fd5b336001600160a01b038216148061044e57506001600160a01b0381165f90815260046020908152604080832033845290915290205460ff165b6104c05760405162461bcd60e51b815260206004820152603d60248201527f4552433732313a20617070726f76652063616c6c6572206973206e6f7420746f60448201527f6b656e206f776e6572206f7220617070726f76656420666f7220616c6c000000606482015260840161040c565b5f8281526003602052604080822080546001600160a01b0319166001600160a01b0387811691821790925591518593918516917f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92591a4505050565b61052483610e25565b5f83815260056020526040902061053c828483611565565b50336001600160a01b0316837f3a2c7fffc2cba7582c690e3b82c453ea02a308326a98a3ad7576c606336409fb848460405161057992919061161e565b60405180910390a3505050565b5f61059e60405180602001604052805f815250610ea4565b905090565b6105ad3382610f8a565b61060f5760405162461bcd60e51b815260206004820152602d60248201527f4552433732313a2063616c6c6572206973206e6f7420746f6b656e206f776e6560448201526c1c881bdc88185c1c1c9bdd9959609a1b606482015260840161040c565b826001600160a01b03166106228261083b565b6001600160a01b0316146106865760405162461bcd60e51b815260206004820152602560248201527f4552433732313a207472616e736665722066726f6d20696e636f72726563742060448201526437bbb732b960d91b606482015260840161040c565b6001600160a01b0382166106e85760405162461bcd60e51b8152602060048201526024808201527f4552433732313a207472616e7366657220746f20746865207a65726f206164646044820152637265737360e01b606482015260840161040c565b5f81815260036020908152604080832080546001600160a01b03191690556001600160a01b038681168452600290925280832080545f190190559084168252812080546001929061073a908490611660565b90915550505f8181526001602052604080822080546001600160a01b0319166001600160a01b0386811691821790925591518493918716917fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef91a4505050565b6107b483838360405180602001604052805f815250610b10565b505050565b6107c285610e25565b6108348585858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f890181900481028201810190925287815292508791508690819084018382808284375f9201919091525061100692505050565b5050505050565b5f818152600160205260408120546001600160a01b03168061036d5760405162461bcd60e51b8152602060048201526018602482015277115490cdcc8c4e881a5b9d985b1a59081d1bdad95b88125160421b604482015260640161040c565b5f6001600160a01b0382166109035760405162461bcd60e51b815260206004820152602960248201527f4552433732313a2061646472657373207a65726f206973206e6f7420612076616044820152683634b21037bbb732b960b91b606482015260840161040c565b506001600160a01b03165f9081526002602052604090205490565b5f61095d85858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610ea492505050565b90505f5b82811015610a4457610a3c8285858481811061097f5761097f611673565b90506020028101906109919190611687565b61099b90806116a5565b8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152508992508891508690508181106109e3576109e3611673565b90506020028101906109f59190611687565b610a039060208101906116a5565b8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525061100692505050565b600101610961565b50949350505050565b336001600160a01b03831603610aa55760405162461bcd60e51b815260206004820152601960248201527f4552433732313a20617070726f766520746f2063616c6c657200000000000000604482015260640161040c565b335f8181526004602090815260408083206001600160a01b03871680855290835292819020805460ff191686151590811790915590519081529192917f17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31910160405180910390a35050565b610b1b8484846105a3565b6001600160a01b0383163b15610c1c57604051630a85bd0160e11b81525f906001600160a01b0385169063150b7a0290610b5f9033908990889088906004016116e7565b6020604051808303815f875af1158015610b7b573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610b9f9190611723565b90506001600160e01b03198116630a85bd0160e11b146108345760405162461bcd60e51b815260206004820152603260248201527f4552433732313a207472616e7366657220746f206e6f6e20455243373231526560448201527131b2b4bb32b91034b6b83632b6b2b73a32b960711b606482015260840161040c565b50505050565b5f818152600160205260409020546060906001600160a01b0316610c835760405162461bcd60e51b8152602060048201526018602482015277115490cdcc8c4e881a5b9d985b1a59081d1bdad95b88125160421b604482015260640161040c565b5f8281526005602052604090208054610c9b906114d7565b80601f0160208091040260200160405190810160405280929190818152602001828054610cc7906114d7565b8015610d125780601f10610ce957610100808354040283529160200191610d12565b820191905f5260205f20905b815481529060010190602001808311610cf557829003601f168201915b50505050509050919050565b606060065f8581526020019081526020015f208383604051610d4192919061173e565b90815260200160405180910390208054610d5a906114d7565b80601f0160208091040260200160405190810160405280929190818152602001828054610d86906114d7565b8015610dd15780601f10610da857610100808354040283529160200191610dd1565b820191905f5260205f20905b815481529060010190602001808311610db457829003601f168201915b505050505090509392505050565b5f610e1e83838080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610ea492505050565b9392505050565b610e2f3382610f8a565b610ea15760405162461bcd60e51b815260206004820152603b60248201527f4964656e7469747952656769737472793a2063616c6c6572206973206e6f742060448201527f746865206167656e74206f776e6572206f7220617070726f7665640000000000606482015260840161040c565b50565b5f5f5f8154610eb29061174d565b91829055505f81815260016020818152604080842080546001600160a01b0319163390811790915584526002909152822080549394509092909190610ef8908490611660565b90915550505f818152600560205260409020610f148382611765565b50604051819033905f907fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef908290a4336001600160a01b0316817fca52e62c367d81bb2e328eb795f7c7ba24afb478408a26c0e201d155c449bc4a84604051610f7d91906110e7565b60405180910390a3919050565b5f5f610f958361083b565b9050806001600160a01b0316846001600160a01b03161480610fdb57506001600160a01b038082165f9081526004602090815260408083209388168352929052205460ff165b80610ffe57505f838152600360205260409020546001600160a01b038581169116145b949350505050565b8060065f8581526020019081526020015f2083604051611026919061181f565b908152602001604051809103902090816110409190611765565b508160405161104f919061181f565b6040518091039020837f2c149ed548c6d2993cd73efe187df6eccabe4538091b33adbd25fafdb8a1468b8484604051610579929190611835565b6001600160e01b031981168114610ea1575f5ffd5b5f602082840312156110ae575f5ffd5b8135610e1e81611089565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f610e1e60208301846110b9565b5f60208284031215611109575f5ffd5b5035919050565b80356001600160a01b0381168114611126575f5ffd5b919050565b5f5f6040838503121561113c575f5ffd5b61114583611110565b946020939093013593505050565b5f5f83601f840112611163575f5ffd5b5081356001600160401b03811115611179575f5ffd5b602083019150836020828501011115611190575f5ffd5b9250929050565b5f5f5f604084860312156111a9575f5ffd5b8335925060208401356001600160401b038111156111c5575f5ffd5b6111d186828701611153565b9497909650939450505050565b5f5f5f606084860312156111f0575f5ffd5b6111f984611110565b925061120760208501611110565b929592945050506040919091013590565b5f5f5f5f5f6060868803121561122c575f5ffd5b8535945060208601356001600160401b03811115611248575f5ffd5b61125488828901611153565b90955093505060408601356001600160401b03811115611272575f5ffd5b61127e88828901611153565b969995985093965092949392505050565b5f6020828403121561129f575f5ffd5b610e1e82611110565b5f5f5f5f604085870312156112bb575f5ffd5b84356001600160401b038111156112d0575f5ffd5b6112dc87828801611153565b90955093505060208501356001600160401b038111156112fa575f5ffd5b8501601f8101871361130a575f5ffd5b80356001600160401b0381111561131f575f5ffd5b8760208260051b8401011115611333575f5ffd5b949793965060200194505050565b5f5f60408385031215611352575f5ffd5b61135b83611110565b91506020830135801515811461136f575f5ffd5b809150509250929050565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f5f608085870312156113a1575f5ffd5b6113aa85611110565b93506113b860208601611110565b92506040850135915060608501356001600160401b038111156113d9575f5ffd5b8501601f810187136113e9575f5ffd5b80356001600160401b038111156114025761140261137a565b604051601f8201601f19908116603f011681016001600160401b03811182821017156114305761143061137a565b604052818152828201602001891015611447575f5ffd5b816020840160208301375f6020838301015280935050505092959194509250565b5f5f60408385031215611479575f5ffd5b61148283611110565b915061149060208401611110565b90509250929050565b5f5f602083850312156114aa575f5ffd5b82356001600160401b038111156114bf575f5ffd5b6114cb85828601611153565b90969095509350505050565b600181811c908216806114eb57607f821691505b60208210810361150957634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156107b457828211156107b457805f5260205f20601f840160051c602085101561153a57505f5b90810190601f840160051c035f5b8181101561155d575f83820155600101611548565b505050505050565b6001600160401b0383111561157c5761157c61137a565b6115908361158a83546114d7565b8361150f565b5f601f8411600181146115c1575f85156115aa5750838201355b5f19600387901b1c1916600186901b178355610834565b5f83815260208120601f198716915b828110156115f057868501358255602094850194600190920191016115d0565b508682101561160c575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b60208152816020820152818360408301375f818301604090810191909152601f909201601f19160101919050565b634e487b7160e01b5f52601160045260245ffd5b8082018082111561036d5761036d61164c565b634e487b7160e01b5f52603260045260245ffd5b5f8235603e1983360301811261169b575f5ffd5b9190910192915050565b5f5f8335601e198436030181126116ba575f5ffd5b8301803591506001600160401b038211156116d3575f5ffd5b602001915036819003821315611190575f5ffd5b6001600160a01b03858116825284166020820152604081018390526080606082018190525f90611719908301846110b9565b9695505050505050565b5f60208284031215611733575f5ffd5b8151610e1e81611089565b818382375f9101908152919050565b5f6001820161175e5761175e61164c565b5060010190565b81516001600160401b0381111561177e5761177e61137a565b6117928161178c84546114d7565b8461150f565b6020601f8211600181146117c4575f83156117ad5750848201515b5f19600385901b1c1916600184901b178455610834565b5f84815260208120601f198516915b828110156117f357878501518255602094850194600190920191016117d3565b508482101561181057868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b5f82518060208501845e5f920191825250919050565b604081525f61184760408301856110b9565b828103602084015261185981856110b9565b9594505050505056",
}

// IdentityRegistryABI is the input ABI used to generate the binding from.
// Deprecated: Use IdentityRegistryMetaData.ABI instead.
var IdentityRegistryABI = IdentityRegistryMetaData.ABI

// IdentityRegistryBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use IdentityRegistryMetaData.Bin instead.
var IdentityRegistryBin = IdentityRegistryMetaData.Bin

// DeployIdentityRegistry deploys a new Ethereum contract, binding an instance of IdentityRegistry to it.
func DeployIdentityRegistry(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *IdentityRegistry, error) {
	parsed, err := IdentityRegistryMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(IdentityRegistryBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &IdentityRegistry{IdentityRegistryCaller: IdentityRegistryCaller{contract: contract}, IdentityRegistryTransactor: IdentityRegistryTransactor{contract: contract}, IdentityRegistryFilterer: IdentityRegistryFilterer{contract: contract}}, nil
}

// IdentityRegistry is an auto generated Go binding around an Ethereum contract.
type IdentityRegistry struct {
	IdentityRegistryCaller     // Read-only binding to the contract
	IdentityRegistryTransactor // Write-only binding to the contract
	IdentityRegistryFilterer   // Log filterer for contract events
}

// IdentityRegistryCaller is an auto generated read-only Go binding around an Ethereum contract.
type IdentityRegistryCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// IdentityRegistryTransactor is an auto generated write-only Go binding around an Ethereum contract.
type IdentityRegistryTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// IdentityRegistryFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type IdentityRegistryFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// IdentityRegistrySession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type IdentityRegistrySession struct {
	Contract     *IdentityRegistry // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// IdentityRegistryCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type IdentityRegistryCallerSession struct {
	Contract *IdentityRegistryCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts           // Call options to use throughout this session
}

// IdentityRegistryTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type IdentityRegistryTransactorSession struct {
	Contract     *IdentityRegistryTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts           // Transaction auth options to use throughout this session
}

// IdentityRegistryRaw is an auto generated low-level Go binding around an Ethereum contract.
type IdentityRegistryRaw struct {
	Contract *IdentityRegistry // Generic contract binding to access the raw methods on
}

// IdentityRegistryCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type IdentityRegistryCallerRaw struct {
	Contract *IdentityRegistryCaller // Generic read-only contract binding to access the raw methods on
}

// IdentityRegistryTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type IdentityRegistryTransactorRaw struct {
	Contract *IdentityRegistryTransactor // Generic write-only contract binding to access the raw methods on
}

// NewIdentityRegistry creates a new instance of IdentityRegistry, bound to a specific deployed contract.
func NewIdentityRegistry(address common.Address, backend bind.ContractBackend) (*IdentityRegistry, error) {
	contract, err := bindIdentityRegistry(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &IdentityRegistry{IdentityRegistryCaller: IdentityRegistryCaller{contract: contract}, IdentityRegistryTransactor: IdentityRegistryTransactor{contract: contract}, IdentityRegistryFilterer: IdentityRegistryFilterer{contract: contract}}, nil
}

// NewIdentityRegistryCaller creates a new read-only instance of IdentityRegistry, bound to a specific deployed contract.
func NewIdentityRegistryCaller(address common.Address, caller bind.ContractCaller) (*IdentityRegistryCaller, error) {
	contract, err := bindIdentityRegistry(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &IdentityRegistryCaller{contract: contract}, nil
}

// NewIdentityRegistryTransactor creates a new write-only instance of IdentityRegistry, bound to a specific deployed contract.
func NewIdentityRegistryTransactor(address common.Address, transactor bind.ContractTransactor) (*IdentityRegistryTransactor, error) {
	contract, err := bindIdentityRegistry(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &IdentityRegistryTransactor{contract: contract}, nil
}

// NewIdentityRegistryFilterer creates a new log filterer instance of IdentityRegistry, bound to a specific deployed contract.
func NewIdentityRegistryFilterer(address common.Address, filterer bind.ContractFilterer) (*IdentityRegistryFilterer, error) {
	contract, err := bindIdentityRegistry(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &IdentityRegistryFilterer{contract: contract}, nil
}

// bindIdentityRegistry binds a generic wrapper to an already deployed contract.
func bindIdentityRegistry(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := IdentityRegistryMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_IdentityRegistry *IdentityRegistryRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _IdentityRegistry.Contract.IdentityRegistryCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_IdentityRegistry *IdentityRegistryRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.IdentityRegistryTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_IdentityRegistry *IdentityRegistryRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.IdentityRegistryTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_IdentityRegistry *IdentityRegistryCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _IdentityRegistry.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_IdentityRegistry *IdentityRegistryTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_IdentityRegistry *IdentityRegistryTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.contract.Transact(opts, method, params...)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (_IdentityRegistry *IdentityRegistryCaller) BalanceOf(opts *bind.CallOpts, owner common.Address) (*big.Int, error) {
	var out []interface{}
	err := _IdentityRegistry.contract.Call(opts, &out, "balanceOf", owner)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (_IdentityRegistry *IdentityRegistrySession) BalanceOf(owner common.Address) (*big.Int, error) {
	return _IdentityRegistry.Contract.BalanceOf(&_IdentityRegistry.CallOpts, owner)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (_IdentityRegistry *IdentityRegistryCallerSession) BalanceOf(owner common.Address) (*big.Int, error) {
	return _IdentityRegistry.Contract.BalanceOf(&_IdentityRegistry.CallOpts, owner)
}

// GetApproved is a free data retrieval call binding the contract method 0x081812fc.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (_IdentityRegistry *IdentityRegistryCaller) GetApproved(opts *bind.CallOpts, tokenId *big.Int) (common.Address, error) {
	var out []interface{}
	err := _IdentityRegistry.contract.Call(opts, &out, "getApproved", tokenId)

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// GetApproved is a free data retrieval call binding the contract method 0x081812fc.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (_IdentityRegistry *IdentityRegistrySession) GetApproved(tokenId *big.Int) (common.Address, error) {
	return _IdentityRegistry.Contract.GetApproved(&_IdentityRegistry.CallOpts, tokenId)
}

// GetApproved is a free data retrieval call binding the contract method 0x081812fc.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (_IdentityRegistry *IdentityRegistryCallerSession) GetApproved(tokenId *big.Int) (common.Address, error) {
	return _IdentityRegistry.Contract.GetApproved(&_IdentityRegistry.CallOpts, tokenId)
}

// GetMetadata is a free data retrieval call binding the contract method 0xcb4799f2.
//
// Solidity: function getMetadata(uint256 agentId, string metadataKey) view returns(bytes)
func (_IdentityRegistry *IdentityRegistryCaller) GetMetadata(opts *bind.CallOpts, agentId *big.Int, metadataKey string) ([]byte, error) {
	var out []interface{}
	err := _IdentityRegistry.contract.Call(opts, &out, "getMetadata", agentId, metadataKey)

	if err != nil {
		return *new([]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)

	return out0, err

}

// GetMetadata is a free data retrieval call binding the contract method 0xcb4799f2.
//
// Solidity: function getMetadata(uint256 agentId, string metadataKey) view returns(bytes)
func (_IdentityRegistry *IdentityRegistrySession) GetMetadata(agentId *big.Int, metadataKey string) ([]byte, error) {
	return _IdentityRegistry.Contract.GetMetadata(&_IdentityRegistry.CallOpts, agentId, metadataKey)
}

// GetMetadata is a free data retrieval call binding the contract method 0xcb4799f2.
//
// Solidity: function getMetadata(uint256 agentId, string metadataKey) view returns(bytes)
func (_IdentityRegistry *IdentityRegistryCallerSession) GetMetadata(agentId *big.Int, metadataKey string) ([]byte, error) {
	return _IdentityRegistry.Contract.GetMetadata(&_IdentityRegistry.CallOpts, agentId, metadataKey)
}

// IsApprovedForAll is a free data retrieval call binding the contract method 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (_IdentityRegistry *IdentityRegistryCaller) IsApprovedForAll(opts *bind.CallOpts, owner common.Address, operator common.Address) (bool, error) {
	var out []interface{}
	err := _IdentityRegistry.contract.Call(opts, &out, "isApprovedForAll", owner, operator)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// IsApprovedForAll is a free data retrieval call binding the contract method 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (_IdentityRegistry *IdentityRegistrySession) IsApprovedForAll(owner common.Address, operator common.Address) (bool, error) {
	return _IdentityRegistry.Contract.IsApprovedForAll(&_IdentityRegistry.CallOpts, owner, operator)
}

// IsApprovedForAll is a free data retrieval call binding the contract method 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (_IdentityRegistry *IdentityRegistryCallerSession) IsApprovedForAll(owner common.Address, operator common.Address) (bool, error) {
	return _IdentityRegistry.Contract.IsApprovedForAll(&_IdentityRegistry.CallOpts, owner, operator)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() pure returns(string)
func (_IdentityRegistry *IdentityRegistryCaller) Name(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _IdentityRegistry.contract.Call(opts, &out, "name")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() pure returns(string)
func (_IdentityRegistry *IdentityRegistrySession) Name() (string, error) {
	return _IdentityRegistry.Contract.Name(&_IdentityRegistry.CallOpts)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() pure returns(string)
func (_IdentityRegistry *IdentityRegistryCallerSession) Name() (string, error) {
	return _IdentityRegistry.Contract.Name(&_IdentityRegistry.CallOpts)
}

// OwnerOf is a free data retrieval call binding the contract method 0x6352211e.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (_IdentityRegistry *IdentityRegistryCaller) OwnerOf(opts *bind.CallOpts, tokenId *big.Int) (common.Address, error) {
	var out []interface{}
	err := _IdentityRegistry.contract.Call(opts, &out, "ownerOf", tokenId)

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// OwnerOf is a free data retrieval call binding the contract method 0x6352211e.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (_IdentityRegistry *IdentityRegistrySession) OwnerOf(tokenId *big.Int) (common.Address, error) {
	return _IdentityRegistry.Contract.OwnerOf(&_IdentityRegistry.CallOpts, tokenId)
}

// OwnerOf is a free data retrieval call binding the contract method 0x6352211e.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (_IdentityRegistry *IdentityRegistryCallerSession) OwnerOf(tokenId *big.Int) (common.Address, error) {
	return _IdentityRegistry.Contract.OwnerOf(&_IdentityRegistry.CallOpts, tokenId)
}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) pure returns(bool)
func (_IdentityRegistry *IdentityRegistryCaller) SupportsInterface(opts *bind.CallOpts, interfaceId [4]byte) (bool, error) {
	var out []interface{}
	err := _IdentityRegistry.contract.Call(opts, &out, "supportsInterface", interfaceId)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) pure returns(bool)
func (_IdentityRegistry *IdentityRegistrySession) SupportsInterface(interfaceId [4]byte) (bool, error) {
	return _IdentityRegistry.Contract.SupportsInterface(&_IdentityRegistry.CallOpts, interfaceId)
}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) pure returns(bool)
func (_IdentityRegistry *IdentityRegistryCallerSession) SupportsInterface(interfaceId [4]byte) (bool, error) {
	return _IdentityRegistry.Contract.SupportsInterface(&_IdentityRegistry.CallOpts, interfaceId)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() pure returns(string)
func (_IdentityRegistry *IdentityRegistryCaller) Symbol(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _IdentityRegistry.contract.Call(opts, &out, "symbol")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() pure returns(string)
func (_IdentityRegistry *IdentityRegistrySession) Symbol() (string, error) {
	return _IdentityRegistry.Contract.Symbol(&_IdentityRegistry.CallOpts)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() pure returns(string)
func (_IdentityRegistry *IdentityRegistryCallerSession) Symbol() (string, error) {
	return _IdentityRegistry.Contract.Symbol(&_IdentityRegistry.CallOpts)
}

// TokenURI is a free data retrieval call binding the contract method 0xc87b56dd.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (_IdentityRegistry *IdentityRegistryCaller) TokenURI(opts *bind.CallOpts, tokenId *big.Int) (string, error) {
	var out []interface{}
	err := _IdentityRegistry.contract.Call(opts, &out, "tokenURI", tokenId)

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// TokenURI is a free data retrieval call binding the contract method 0xc87b56dd.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (_IdentityRegistry *IdentityRegistrySession) TokenURI(tokenId *big.Int) (string, error) {
	return _IdentityRegistry.Contract.TokenURI(&_IdentityRegistry.CallOpts, tokenId)
}

// TokenURI is a free data retrieval call binding the contract method 0xc87b56dd.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (_IdentityRegistry *IdentityRegistryCallerSession) TokenURI(tokenId *big.Int) (string, error) {
	return _IdentityRegistry.Contract.TokenURI(&_IdentityRegistry.CallOpts, tokenId)
}

// TotalAgents is a free data retrieval call binding the contract method 0xc5053712.
//
// Solidity: function totalAgents() view returns(uint256)
func (_IdentityRegistry *IdentityRegistryCaller) TotalAgents(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _IdentityRegistry.contract.Call(opts, &out, "totalAgents")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalAgents is a free data retrieval call binding the contract method 0xc5053712.
//
// Solidity: function totalAgents() view returns(uint256)
func (_IdentityRegistry *IdentityRegistrySession) TotalAgents() (*big.Int, error) {
	return _IdentityRegistry.Contract.TotalAgents(&_IdentityRegistry.CallOpts)
}

// TotalAgents is a free data retrieval call binding the contract method 0xc5053712.
//
// Solidity: function totalAgents() view returns(uint256)
func (_IdentityRegistry *IdentityRegistryCallerSession) TotalAgents() (*big.Int, error) {
	return _IdentityRegistry.Contract.TotalAgents(&_IdentityRegistry.CallOpts)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (_IdentityRegistry *IdentityRegistryTransactor) Approve(opts *bind.TransactOpts, to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _IdentityRegistry.contract.Transact(opts, "approve", to, tokenId)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (_IdentityRegistry *IdentityRegistrySession) Approve(to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.Approve(&_IdentityRegistry.TransactOpts, to, tokenId)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (_IdentityRegistry *IdentityRegistryTransactorSession) Approve(to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.Approve(&_IdentityRegistry.TransactOpts, to, tokenId)
}

// Register is a paid mutator transaction binding the contract method 0x1aa3a008.
//
// Solidity: function register() returns(uint256 agentId)
func (_IdentityRegistry *IdentityRegistryTransactor) Register(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _IdentityRegistry.contract.Transact(opts, "register")
}

// Register is a paid mutator transaction binding the contract method 0x1aa3a008.
//
// Solidity: function register() returns(uint256 agentId)
func (_IdentityRegistry *IdentityRegistrySession) Register() (*types.Transaction, error) {
	return _IdentityRegistry.Contract.Register(&_IdentityRegistry.TransactOpts)
}

// Register is a paid mutator transaction binding the contract method 0x1aa3a008.
//
// Solidity: function register() returns(uint256 agentId)
func (_IdentityRegistry *IdentityRegistryTransactorSession) Register() (*types.Transaction, error) {
	return _IdentityRegistry.Contract.Register(&_IdentityRegistry.TransactOpts)
}

// Register0 is a paid mutator transaction binding the contract method 0x8ea42286.
//
// Solidity: function register(string agentURI, (string,bytes)[] metadata) returns(uint256 agentId)
func (_IdentityRegistry *IdentityRegistryTransactor) Register0(opts *bind.TransactOpts, agentURI string, metadata []IdentityRegistryMetadataEntry) (*types.Transaction, error) {
	return _IdentityRegistry.contract.Transact(opts, "register0", agentURI, metadata)
}

// Register0 is a paid mutator transaction binding the contract method 0x8ea42286.
//
// Solidity: function register(string agentURI, (string,bytes)[] metadata) returns(uint256 agentId)
func (_IdentityRegistry *IdentityRegistrySession) Register0(agentURI string, metadata []IdentityRegistryMetadataEntry) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.Register0(&_IdentityRegistry.TransactOpts, agentURI, metadata)
}

// Register0 is a paid mutator transaction binding the contract method 0x8ea42286.
//
// Solidity: function register(string agentURI, (string,bytes)[] metadata) returns(uint256 agentId)
func (_IdentityRegistry *IdentityRegistryTransactorSession) Register0(agentURI string, metadata []IdentityRegistryMetadataEntry) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.Register0(&_IdentityRegistry.TransactOpts, agentURI, metadata)
}

// Register1 is a paid mutator transaction binding the contract method 0xf2c298be.
//
// Solidity: function register(string agentURI) returns(uint256 agentId)
func (_IdentityRegistry *IdentityRegistryTransactor) Register1(opts *bind.TransactOpts, agentURI string) (*types.Transaction, error) {
	return _IdentityRegistry.contract.Transact(opts, "register1", agentURI)
}

// Register1 is a paid mutator transaction binding the contract method 0xf2c298be.
//
// Solidity: function register(string agentURI) returns(uint256 agentId)
func (_IdentityRegistry *IdentityRegistrySession) Register1(agentURI string) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.Register1(&_IdentityRegistry.TransactOpts, agentURI)
}

// Register1 is a paid mutator transaction binding the contract method 0xf2c298be.
//
// Solidity: function register(string agentURI) returns(uint256 agentId)
func (_IdentityRegistry *IdentityRegistryTransactorSession) Register1(agentURI string) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.Register1(&_IdentityRegistry.TransactOpts, agentURI)
}

// SafeTransferFrom is a paid mutator transaction binding the contract method 0x42842e0e.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (_IdentityRegistry *IdentityRegistryTransactor) SafeTransferFrom(opts *bind.TransactOpts, from common.Address, to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _IdentityRegistry.contract.Transact(opts, "safeTransferFrom", from, to, tokenId)
}

// SafeTransferFrom is a paid mutator transaction binding the contract method 0x42842e0e.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (_IdentityRegistry *IdentityRegistrySession) SafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.SafeTransferFrom(&_IdentityRegistry.TransactOpts, from, to, tokenId)
}

// SafeTransferFrom is a paid mutator transaction binding the contract method 0x42842e0e.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (_IdentityRegistry *IdentityRegistryTransactorSession) SafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.SafeTransferFrom(&_IdentityRegistry.TransactOpts, from, to, tokenId)
}

// SafeTransferFrom0 is a paid mutator transaction binding the contract method 0xb88d4fde.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (_IdentityRegistry *IdentityRegistryTransactor) SafeTransferFrom0(opts *bind.TransactOpts, from common.Address, to common.Address, tokenId *big.Int, data []byte) (*types.Transaction, error) {
	return _IdentityRegistry.contract.Transact(opts, "safeTransferFrom0", from, to, tokenId, data)
}

// SafeTransferFrom0 is a paid mutator transaction binding the contract method 0xb88d4fde.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (_IdentityRegistry *IdentityRegistrySession) SafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.SafeTransferFrom0(&_IdentityRegistry.TransactOpts, from, to, tokenId, data)
}

// SafeTransferFrom0 is a paid mutator transaction binding the contract method 0xb88d4fde.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (_IdentityRegistry *IdentityRegistryTransactorSession) SafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.SafeTransferFrom0(&_IdentityRegistry.TransactOpts, from, to, tokenId, data)
}

// SetAgentURI is a paid mutator transaction binding the contract method 0x0af28bd3.
//
// Solidity: function setAgentURI(uint256 agentId, string newURI) returns()
func (_IdentityRegistry *IdentityRegistryTransactor) SetAgentURI(opts *bind.TransactOpts, agentId *big.Int, newURI string) (*types.Transaction, error) {
	return _IdentityRegistry.contract.Transact(opts, "setAgentURI", agentId, newURI)
}

// SetAgentURI is a paid mutator transaction binding the contract method 0x0af28bd3.
//
// Solidity: function setAgentURI(uint256 agentId, string newURI) returns()
func (_IdentityRegistry *IdentityRegistrySession) SetAgentURI(agentId *big.Int, newURI string) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.SetAgentURI(&_IdentityRegistry.TransactOpts, agentId, newURI)
}

// SetAgentURI is a paid mutator transaction binding the contract method 0x0af28bd3.
//
// Solidity: function setAgentURI(uint256 agentId, string newURI) returns()
func (_IdentityRegistry *IdentityRegistryTransactorSession) SetAgentURI(agentId *big.Int, newURI string) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.SetAgentURI(&_IdentityRegistry.TransactOpts, agentId, newURI)
}

// SetApprovalForAll is a paid mutator transaction binding the contract method 0xa22cb465.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (_IdentityRegistry *IdentityRegistryTransactor) SetApprovalForAll(opts *bind.TransactOpts, operator common.Address, approved bool) (*types.Transaction, error) {
	return _IdentityRegistry.contract.Transact(opts, "setApprovalForAll", operator, approved)
}

// SetApprovalForAll is a paid mutator transaction binding the contract method 0xa22cb465.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (_IdentityRegistry *IdentityRegistrySession) SetApprovalForAll(operator common.Address, approved bool) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.SetApprovalForAll(&_IdentityRegistry.TransactOpts, operator, approved)
}

// SetApprovalForAll is a paid mutator transaction binding the contract method 0xa22cb465.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (_IdentityRegistry *IdentityRegistryTransactorSession) SetApprovalForAll(operator common.Address, approved bool) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.SetApprovalForAll(&_IdentityRegistry.TransactOpts, operator, approved)
}

// SetMetadata is a paid mutator transaction binding the contract method 0x466648da.
//
// Solidity: function setMetadata(uint256 agentId, string metadataKey, bytes metadataValue) returns()
func (_IdentityRegistry *IdentityRegistryTransactor) SetMetadata(opts *bind.TransactOpts, agentId *big.Int, metadataKey string, metadataValue []byte) (*types.Transaction, error) {
	return _IdentityRegistry.contract.Transact(opts, "setMetadata", agentId, metadataKey, metadataValue)
}

// SetMetadata is a paid mutator transaction binding the contract method 0x466648da.
//
// Solidity: function setMetadata(uint256 agentId, string metadataKey, bytes metadataValue) returns()
func (_IdentityRegistry *IdentityRegistrySession) SetMetadata(agentId *big.Int, metadataKey string, metadataValue []byte) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.SetMetadata(&_IdentityRegistry.TransactOpts, agentId, metadataKey, metadataValue)
}

// SetMetadata is a paid mutator transaction binding the contract method 0x466648da.
//
// Solidity: function setMetadata(uint256 agentId, string metadataKey, bytes metadataValue) returns()
func (_IdentityRegistry *IdentityRegistryTransactorSession) SetMetadata(agentId *big.Int, metadataKey string, metadataValue []byte) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.SetMetadata(&_IdentityRegistry.TransactOpts, agentId, metadataKey, metadataValue)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (_IdentityRegistry *IdentityRegistryTransactor) TransferFrom(opts *bind.TransactOpts, from common.Address, to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _IdentityRegistry.contract.Transact(opts, "transferFrom", from, to, tokenId)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (_IdentityRegistry *IdentityRegistrySession) TransferFrom(from common.Address, to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.TransferFrom(&_IdentityRegistry.TransactOpts, from, to, tokenId)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (_IdentityRegistry *IdentityRegistryTransactorSession) TransferFrom(from common.Address, to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _IdentityRegistry.Contract.TransferFrom(&_IdentityRegistry.TransactOpts, from, to, tokenId)
}

// IdentityRegistryApprovalIterator is returned from FilterApproval and is used to iterate over the raw logs and unpacked data for Approval events raised by the IdentityRegistry contract.
type IdentityRegistryApprovalIterator struct {
	Event *IdentityRegistryApproval // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *IdentityRegistryApprovalIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(IdentityRegistryApproval)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(IdentityRegistryApproval)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *IdentityRegistryApprovalIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *IdentityRegistryApprovalIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// IdentityRegistryApproval represents a Approval event raised by the IdentityRegistry contract.
type IdentityRegistryApproval struct {
	Owner    common.Address
	Approved common.Address
	TokenId  *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterApproval is a free log retrieval operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)
func (_IdentityRegistry *IdentityRegistryFilterer) FilterApproval(opts *bind.FilterOpts, owner []common.Address, approved []common.Address, tokenId []*big.Int) (*IdentityRegistryApprovalIterator, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var approvedRule []interface{}
	for _, approvedItem := range approved {
		approvedRule = append(approvedRule, approvedItem)
	}
	var tokenIdRule []interface{}
	for _, tokenIdItem := range tokenId {
		tokenIdRule = append(tokenIdRule, tokenIdItem)
	}

	logs, sub, err := _IdentityRegistry.contract.FilterLogs(opts, "Approval", ownerRule, approvedRule, tokenIdRule)
	if err != nil {
		return nil, err
	}
	return &IdentityRegistryApprovalIterator{contract: _IdentityRegistry.contract, event: "Approval", logs: logs, sub: sub}, nil
}

// WatchApproval is a free log subscription operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)
func (_IdentityRegistry *IdentityRegistryFilterer) WatchApproval(opts *bind.WatchOpts, sink chan<- *IdentityRegistryApproval, owner []common.Address, approved []common.Address, tokenId []*big.Int) (event.Subscription, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var approvedRule []interface{}
	for _, approvedItem := range approved {
		approvedRule = append(approvedRule, approvedItem)
	}
	var tokenIdRule []interface{}
	for _, tokenIdItem := range tokenId {
		tokenIdRule = append(tokenIdRule, tokenIdItem)
	}

	logs, sub, err := _IdentityRegistry.contract.WatchLogs(opts, "Approval", ownerRule, approvedRule, tokenIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(IdentityRegistryApproval)
				if err := _IdentityRegistry.contract.UnpackLog(event, "Approval", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseApproval is a log parse operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)
func (_IdentityRegistry *IdentityRegistryFilterer) ParseApproval(log types.Log) (*IdentityRegistryApproval, error) {
	event := new(IdentityRegistryApproval)
	if err := _IdentityRegistry.contract.UnpackLog(event, "Approval", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// IdentityRegistryApprovalForAllIterator is returned from FilterApprovalForAll and is used to iterate over the raw logs and unpacked data for ApprovalForAll events raised by the IdentityRegistry contract.
type IdentityRegistryApprovalForAllIterator struct {
	Event *IdentityRegistryApprovalForAll // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *IdentityRegistryApprovalForAllIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(IdentityRegistryApprovalForAll)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(IdentityRegistryApprovalForAll)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *IdentityRegistryApprovalForAllIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *IdentityRegistryApprovalForAllIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// IdentityRegistryApprovalForAll represents a ApprovalForAll event raised by the IdentityRegistry contract.
type IdentityRegistryApprovalForAll struct {
	Owner    common.Address
	Operator common.Address
	Approved bool
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterApprovalForAll is a free log retrieval operation binding the contract event 0x17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31.
//
// Solidity: event ApprovalForAll(address indexed owner, address indexed operator, bool approved)
func (_IdentityRegistry *IdentityRegistryFilterer) FilterApprovalForAll(opts *bind.FilterOpts, owner []common.Address, operator []common.Address) (*IdentityRegistryApprovalForAllIterator, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var operatorRule []interface{}
	for _, operatorItem := range operator {
		operatorRule = append(operatorRule, operatorItem)
	}

	logs, sub, err := _IdentityRegistry.contract.FilterLogs(opts, "ApprovalForAll", ownerRule, operatorRule)
	if err != nil {
		return nil, err
	}
	return &IdentityRegistryApprovalForAllIterator{contract: _IdentityRegistry.contract, event: "ApprovalForAll", logs: logs, sub: sub}, nil
}

// WatchApprovalForAll is a free log subscription operation binding the contract event 0x17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31.
//
// Solidity: event ApprovalForAll(address indexed owner, address indexed operator, bool approved)
func (_IdentityRegistry *IdentityRegistryFilterer) WatchApprovalForAll(opts *bind.WatchOpts, sink chan<- *IdentityRegistryApprovalForAll, owner []common.Address, operator []common.Address) (event.Subscription, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var operatorRule []interface{}
	for _, operatorItem := range operator {
		operatorRule = append(operatorRule, operatorItem)
	}

	logs, sub, err := _IdentityRegistry.contract.WatchLogs(opts, "ApprovalForAll", ownerRule, operatorRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(IdentityRegistryApprovalForAll)
				if err := _IdentityRegistry.contract.UnpackLog(event, "ApprovalForAll", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseApprovalForAll is a log parse operation binding the contract event 0x17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31.
//
// Solidity: event ApprovalForAll(address indexed owner, address indexed operator, bool approved)
func (_IdentityRegistry *IdentityRegistryFilterer) ParseApprovalForAll(log types.Log) (*IdentityRegistryApprovalForAll, error) {
	event := new(IdentityRegistryApprovalForAll)
	if err := _IdentityRegistry.contract.UnpackLog(event, "ApprovalForAll", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// IdentityRegistryMetadataSetIterator is returned from FilterMetadataSet and is used to iterate over the raw logs and unpacked data for MetadataSet events raised by the IdentityRegistry contract.
type IdentityRegistryMetadataSetIterator struct {
	Event *IdentityRegistryMetadataSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *IdentityRegistryMetadataSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(IdentityRegistryMetadataSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(IdentityRegistryMetadataSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *IdentityRegistryMetadataSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *IdentityRegistryMetadataSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// IdentityRegistryMetadataSet represents a MetadataSet event raised by the IdentityRegistry contract.
type IdentityRegistryMetadataSet struct {
	AgentId            *big.Int
	IndexedMetadataKey common.Hash
	MetadataKey        string
	MetadataValue      []byte
	Raw                types.Log // Blockchain specific contextual infos
}

// FilterMetadataSet is a free log retrieval operation binding the contract event 0x2c149ed548c6d2993cd73efe187df6eccabe4538091b33adbd25fafdb8a1468b.
//
// Solidity: event MetadataSet(uint256 indexed agentId, string indexed indexedMetadataKey, string metadataKey, bytes metadataValue)
func (_IdentityRegistry *IdentityRegistryFilterer) FilterMetadataSet(opts *bind.FilterOpts, agentId []*big.Int, indexedMetadataKey []string) (*IdentityRegistryMetadataSetIterator, error) {

	var agentIdRule []interface{}
	for _, agentIdItem := range agentId {
		agentIdRule = append(agentIdRule, agentIdItem)
	}
	var indexedMetadataKeyRule []interface{}
	for _, indexedMetadataKeyItem := range indexedMetadataKey {
		indexedMetadataKeyRule = append(indexedMetadataKeyRule, indexedMetadataKeyItem)
	}

	logs, sub, err := _IdentityRegistry.contract.FilterLogs(opts, "MetadataSet", agentIdRule, indexedMetadataKeyRule)
	if err != nil {
		return nil, err
	}
	return &IdentityRegistryMetadataSetIterator{contract: _IdentityRegistry.contract, event: "MetadataSet", logs: logs, sub: sub}, nil
}

// WatchMetadataSet is a free log subscription operation binding the contract event 0x2c149ed548c6d2993cd73efe187df6eccabe4538091b33adbd25fafdb8a1468b.
//
// Solidity: event MetadataSet(uint256 indexed agentId, string indexed indexedMetadataKey, string metadataKey, bytes metadataValue)
func (_IdentityRegistry *IdentityRegistryFilterer) WatchMetadataSet(opts *bind.WatchOpts, sink chan<- *IdentityRegistryMetadataSet, agentId []*big.Int, indexedMetadataKey []string) (event.Subscription, error) {

	var agentIdRule []interface{}
	for _, agentIdItem := range agentId {
		agentIdRule = append(agentIdRule, agentIdItem)
	}
	var indexedMetadataKeyRule []interface{}
	for _, indexedMetadataKeyItem := range indexedMetadataKey {
		indexedMetadataKeyRule = append(indexedMetadataKeyRule, indexedMetadataKeyItem)
	}

	logs, sub, err := _IdentityRegistry.contract.WatchLogs(opts, "MetadataSet", agentIdRule, indexedMetadataKeyRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(IdentityRegistryMetadataSet)
				if err := _IdentityRegistry.contract.UnpackLog(event, "MetadataSet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseMetadataSet is a log parse operation binding the contract event 0x2c149ed548c6d2993cd73efe187df6eccabe4538091b33adbd25fafdb8a1468b.
//
// Solidity: event MetadataSet(uint256 indexed agentId, string indexed indexedMetadataKey, string metadataKey, bytes metadataValue)
func (_IdentityRegistry *IdentityRegistryFilterer) ParseMetadataSet(log types.Log) (*IdentityRegistryMetadataSet, error) {
	event := new(IdentityRegistryMetadataSet)
	if err := _IdentityRegistry.contract.UnpackLog(event, "MetadataSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// IdentityRegistryRegisteredIterator is returned from FilterRegistered and is used to iterate over the raw logs and unpacked data for Registered events raised by the IdentityRegistry contract.
type IdentityRegistryRegisteredIterator struct {
	Event *IdentityRegistryRegistered // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *IdentityRegistryRegisteredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(IdentityRegistryRegistered)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(IdentityRegistryRegistered)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *IdentityRegistryRegisteredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *IdentityRegistryRegisteredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// IdentityRegistryRegistered represents a Registered event raised by the IdentityRegistry contract.
type IdentityRegistryRegistered struct {
	AgentId  *big.Int
	AgentURI string
	Owner    common.Address
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterRegistered is a free log retrieval operation binding the contract event 0xca52e62c367d81bb2e328eb795f7c7ba24afb478408a26c0e201d155c449bc4a.
//
// Solidity: event Registered(uint256 indexed agentId, string agentURI, address indexed owner)
func (_IdentityRegistry *IdentityRegistryFilterer) FilterRegistered(opts *bind.FilterOpts, agentId []*big.Int, owner []common.Address) (*IdentityRegistryRegisteredIterator, error) {

	var agentIdRule []interface{}
	for _, agentIdItem := range agentId {
		agentIdRule = append(agentIdRule, agentIdItem)
	}

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _IdentityRegistry.contract.FilterLogs(opts, "Registered", agentIdRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return &IdentityRegistryRegisteredIterator{contract: _IdentityRegistry.contract, event: "Registered", logs: logs, sub: sub}, nil
}

// WatchRegistered is a free log subscription operation binding the contract event 0xca52e62c367d81bb2e328eb795f7c7ba24afb478408a26c0e201d155c449bc4a.
//
// Solidity: event Registered(uint256 indexed agentId, string agentURI, address indexed owner)
func (_IdentityRegistry *IdentityRegistryFilterer) WatchRegistered(opts *bind.WatchOpts, sink chan<- *IdentityRegistryRegistered, agentId []*big.Int, owner []common.Address) (event.Subscription, error) {

	var agentIdRule []interface{}
	for _, agentIdItem := range agentId {
		agentIdRule = append(agentIdRule, agentIdItem)
	}

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _IdentityRegistry.contract.WatchLogs(opts, "Registered", agentIdRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(IdentityRegistryRegistered)
				if err := _IdentityRegistry.contract.UnpackLog(event, "Registered", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseRegistered is a log parse operation binding the contract event 0xca52e62c367d81bb2e328eb795f7c7ba24afb478408a26c0e201d155c449bc4a.
//
// Solidity: event Registered(uint256 indexed agentId, string agentURI, address indexed owner)
func (_IdentityRegistry *IdentityRegistryFilterer) ParseRegistered(log types.Log) (*IdentityRegistryRegistered, error) {
	event := new(IdentityRegistryRegistered)
	if err := _IdentityRegistry.contract.UnpackLog(event, "Registered", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// IdentityRegistryTransferIterator is returned from FilterTransfer and is used to iterate over the raw logs and unpacked data for Transfer events raised by the IdentityRegistry contract.
type IdentityRegistryTransferIterator struct {
	Event *IdentityRegistryTransfer // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *IdentityRegistryTransferIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(IdentityRegistryTransfer)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(IdentityRegistryTransfer)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *IdentityRegistryTransferIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *IdentityRegistryTransferIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// IdentityRegistryTransfer represents a Transfer event raised by the IdentityRegistry contract.
type IdentityRegistryTransfer struct {
	From    common.Address
	To      common.Address
	TokenId *big.Int
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterTransfer is a free log retrieval operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)
func (_IdentityRegistry *IdentityRegistryFilterer) FilterTransfer(opts *bind.FilterOpts, from []common.Address, to []common.Address, tokenId []*big.Int) (*IdentityRegistryTransferIterator, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}
	var tokenIdRule []interface{}
	for _, tokenIdItem := range tokenId {
		tokenIdRule = append(tokenIdRule, tokenIdItem)
	}

	logs, sub, err := _IdentityRegistry.contract.FilterLogs(opts, "Transfer", fromRule, toRule, tokenIdRule)
	if err != nil {
		return nil, err
	}
	return &IdentityRegistryTransferIterator{contract: _IdentityRegistry.contract, event: "Transfer", logs: logs, sub: sub}, nil
}

// WatchTransfer is a free log subscription operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)
func (_IdentityRegistry *IdentityRegistryFilterer) WatchTransfer(opts *bind.WatchOpts, sink chan<- *IdentityRegistryTransfer, from []common.Address, to []common.Address, tokenId []*big.Int) (event.Subscription, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}
	var tokenIdRule []interface{}
	for _, tokenIdItem := range tokenId {
		tokenIdRule = append(tokenIdRule, tokenIdItem)
	}

	logs, sub, err := _IdentityRegistry.contract.WatchLogs(opts, "Transfer", fromRule, toRule, tokenIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(IdentityRegistryTransfer)
				if err := _IdentityRegistry.contract.UnpackLog(event, "Transfer", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseTransfer is a log parse operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)
func (_IdentityRegistry *IdentityRegistryFilterer) ParseTransfer(log types.Log) (*IdentityRegistryTransfer, error) {
	event := new(IdentityRegistryTransfer)
	if err := _IdentityRegistry.contract.UnpackLog(event, "Transfer", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// IdentityRegistryURIUpdatedIterator is returned from FilterURIUpdated and is used to iterate over the raw logs and unpacked data for URIUpdated events raised by the IdentityRegistry contract.
type IdentityRegistryURIUpdatedIterator struct {
	Event *IdentityRegistryURIUpdated // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *IdentityRegistryURIUpdatedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(IdentityRegistryURIUpdated)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(IdentityRegistryURIUpdated)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *IdentityRegistryURIUpdatedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *IdentityRegistryURIUpdatedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// IdentityRegistryURIUpdated represents a URIUpdated event raised by the IdentityRegistry contract.
type IdentityRegistryURIUpdated struct {
	AgentId   *big.Int
	NewURI    string
	UpdatedBy common.Address
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterURIUpdated is a free log retrieval operation binding the contract event 0x3a2c7fffc2cba7582c690e3b82c453ea02a308326a98a3ad7576c606336409fb.
//
// Solidity: event URIUpdated(uint256 indexed agentId, string newURI, address indexed updatedBy)
func (_IdentityRegistry *IdentityRegistryFilterer) FilterURIUpdated(opts *bind.FilterOpts, agentId []*big.Int, updatedBy []common.Address) (*IdentityRegistryURIUpdatedIterator, error) {

	var agentIdRule []interface{}
	for _, agentIdItem := range agentId {
		agentIdRule = append(agentIdRule, agentIdItem)
	}

	var updatedByRule []interface{}
	for _, updatedByItem := range updatedBy {
		updatedByRule = append(updatedByRule, updatedByItem)
	}

	logs, sub, err := _IdentityRegistry.contract.FilterLogs(opts, "URIUpdated", agentIdRule, updatedByRule)
	if err != nil {
		return nil, err
	}
	return &IdentityRegistryURIUpdatedIterator{contract: _IdentityRegistry.contract, event: "URIUpdated", logs: logs, sub: sub}, nil
}

// WatchURIUpdated is a free log subscription operation binding the contract event 0x3a2c7fffc2cba7582c690e3b82c453ea02a308326a98a3ad7576c606336409fb.
//
// Solidity: event URIUpdated(uint256 indexed agentId, string newURI, address indexed updatedBy)
func (_IdentityRegistry *IdentityRegistryFilterer) WatchURIUpdated(opts *bind.WatchOpts, sink chan<- *IdentityRegistryURIUpdated, agentId []*big.Int, updatedBy []common.Address) (event.Subscription, error) {

	var agentIdRule []interface{}
	for _, agentIdItem := range agentId {
		agentIdRule = append(agentIdRule, agentIdItem)
	}

	var updatedByRule []interface{}
	for _, updatedByItem := range updatedBy {
		updatedByRule = append(updatedByRule, updatedByItem)
	}

	logs, sub, err := _IdentityRegistry.contract.WatchLogs(opts, "URIUpdated", agentIdRule, updatedByRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(IdentityRegistryURIUpdated)
				if err := _IdentityRegistry.contract.UnpackLog(event, "URIUpdated", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseURIUpdated is a log parse operation binding the contract event 0x3a2c7fffc2cba7582c690e3b82c453ea02a308326a98a3ad7576c606336409fb.
//
// Solidity: event URIUpdated(uint256 indexed agentId, string newURI, address indexed updatedBy)
func (_IdentityRegistry *IdentityRegistryFilterer) ParseURIUpdated(log types.Log) (*IdentityRegistryURIUpdated, error) {
	event := new(IdentityRegistryURIUpdated)
	if err := _IdentityRegistry.contract.UnpackLog(event, "URIUpdated", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// Permit2MetaData contains all meta data concerning the Permit2 contract.
var Permit2MetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"maxAmount\",\"type\":\"uint256\"}],\"name\":\"InvalidAmount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidContractSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidNonce\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidSignatureLength\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidSigner\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"LengthMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"signatureDeadline\",\"type\":\"uint256\"}],\"name\":\"SignatureExpired\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"word\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"mask\",\"type\":\"uint256\"}],\"name\":\"UnorderedNonceInvalidation\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"DOMAIN_SEPARATOR\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"_PERMIT_TRANSFER_FROM_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"_PERMIT_TRANSFER_FROM_WITNESS_TYPEHASH_STUB\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"_TOKEN_PERMISSIONS_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"wordPos\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"mask\",\"type\":\"uint256\"}],\"name\":\"invalidateUnorderedNonces\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"nonceBitmap\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"internalType\":\"structISignatureTransfer.TokenPermissions\",\"name\":\"permitted\",\"type\":\"tuple\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"internalType\":\"structISignatureTransfer.PermitTransferFrom\",\"name\":\"permit\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"requestedAmount\",\"type\":\"uint256\"}],\"internalType\":\"structISignatureTransfer.SignatureTransferDetails\",\"name\":\"transferDetails\",\"type\":\"tuple\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"permitTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"internalType\":\"structISignatureTransfer.TokenPermissions\",\"name\":\"permitted\",\"type\":\"tuple\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"internalType\":\"structISignatureTransfer.PermitTransferFrom\",\"name\":\"permit\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"requestedAmount\",\"type\":\"uint256\"}],\"internalType\":\"structISignatureTransfer.SignatureTransferDetails\",\"name\":\"transferDetails\",\"type\":\"tuple\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"witness\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"witnessTypeString\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"permitWitnessTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b50610cff8061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610085575f3560e01c8063415e982d11610058578063415e982d146100df5780634fe02b441461010657806378f168301461012d57806384b8efbb14610154575f5ffd5b8063137c29fe1461008957806330f28b7a1461009e5780633644e515146100b15780633ff9dcb1146100cc575b5f5ffd5b61009c6100973660046109e1565b610169565b005b61009c6100ac366004610a8f565b61022a565b6100b96102ba565b6040519081526020015b60405180910390f35b61009c6100da366004610b03565b610338565b6100b97f618358ac3db8dc274f0cd8829da7e234bd48cd73c4a740aede1adec9846d06a181565b6100b9610114366004610b23565b5f60208181529281526040808220909352908152205481565b6100b97f939c21a48a8dbe3a9a2404a1d46691e4d39f6583d6ec6b35714604c986d8010681565b61015c610390565b6040516100c39190610b4b565b5f6040518060a0016040528060648152602001610c9b60649139858560405160200161019793929190610b97565b6040516020818303038152906040528051906020012090505f816101bd8b5f01516103ac565b6020808d01516040808f0151815193840195909552820192909252336060820152608081019190915260a081019190915260c0810188905260e00160405160208183030381529060405280519060200120905061021e8a8a8a84888861041c565b50505050505050505050565b5f7f939c21a48a8dbe3a9a2404a1d46691e4d39f6583d6ec6b35714604c986d80106610258875f01516103ac565b6020808901516040808b0151815193840195909552820192909252336060820152608081019190915260a081019190915260c0016040516020818303038152906040528051906020012090506102b286868684878761041c565b505050505050565b604080517f8cad95687ba82c2ce50e74f7b754645e5117c3a5bec8151c0726d5857980a86660208201527f9ac997416e8ff9d2ff6bebeb7149f65cdae5e32e2b90440b566bb3044041d36a918101919091524660608201523060808201525f9060a00160405160208183030381529060405280519060200120905090565b335f8181526020818152604080832086845282529182902080548517905581518581529081018490527f3704902f963766a4e561bbaab6e6cdc1b1dd12f6e9e99648da8843b3f46b918d910160405180910390a25050565b6040518060a0016040528060648152602001610c9b6064913981565b5f7f618358ac3db8dc274f0cd8829da7e234bd48cd73c4a740aede1adec9846d06a1826040516020016103ff92919091825280516001600160a01b03166020808401919091520151604082015260600190565b604051602081830303815290604052805190602001209050919050565b604086015160208601359042111561045857866040015160405163cd21db4f60e01b815260040161044f91815260200190565b60405180910390fd5b86516020015181111561048857865160200151604051633728b83d60e01b8152600481019190915260240161044f565b610496858860200151610503565b6104df83836104a36102ba565b60405161190160f01b60208201526022810191909152604281018890526062016040516020818303038152906040528051906020012088610562565b8651516104fa90866104f460208a018a610bb5565b84610775565b50505050505050565b6001600160a01b0382165f90815260208181526040808320600885901c808552925282208054600160ff86161b908118918290559192818316900361055b57604051633ab3447f60e11b815260040160405180910390fd5b5050505050565b806001600160a01b03163b5f036106cb575f808060418690036105b45761058b86880188610b03565b9093509150868660408181106105a3576105a3610bd5565b919091013560f81c915061060b9050565b60408690036105f2575f6105ca87890189610b03565b9094506001600160ff1b038116935090506105ea60ff82901c601b610be9565b91505061060b565b604051634be6321b60e01b815260040160405180910390fd5b604080515f8082526020820180845288905260ff841692820192909252606081018590526080810184905260019060a0016020604051602081039080840390855afa15801561065c573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b03811661069057604051638baa579f60e01b815260040160405180910390fd5b846001600160a01b0316816001600160a01b0316146106c257604051632057875960e21b815260040160405180910390fd5b5050505061076f565b604051630b135d3f60e11b81525f906001600160a01b03831690631626ba7e906106fd90869089908990600401610c14565b602060405180830381865afa158015610718573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061073c9190610c49565b90506001600160e01b03198116630b135d3f60e11b1461055b57604051632c19a72f60e21b815260040160405180910390fd5b50505050565b604080516001600160a01b0385811660248301528481166044830152606480830185905283518084039091018152608490920183526020820180516001600160e01b03166323b872dd60e01b17905291515f928392908816916107d89190610c70565b5f604051808303815f865af19150503d805f8114610811576040519150601f19603f3d011682016040523d82523d5f602084013e610816565b606091505b509150915081801561085e575080511561085057602081511015801561084b57508080602001905181019061084b9190610c7b565b61085e565b5f866001600160a01b03163b115b6102b25760405162461bcd60e51b81526020600482015260146024820152731514905394d1915497d19493d357d1905253115160621b604482015260640161044f565b6040805190810167ffffffffffffffff811182821017156108d057634e487b7160e01b5f52604160045260245ffd5b60405290565b80356001600160a01b03811681146108ec575f5ffd5b919050565b5f8183036080811215610902575f5ffd5b6040516060810167ffffffffffffffff8111828210171561093157634e487b7160e01b5f52604160045260245ffd5b80604052508092506040821215610946575f5ffd5b61094e6108a1565b9150610959846108d6565b82526020848101358184015291815260408085013592820192909252606090930135920191909152919050565b5f60408284031215610996575f5ffd5b50919050565b5f5f83601f8401126109ac575f5ffd5b50813567ffffffffffffffff8111156109c3575f5ffd5b6020830191508360208285010111156109da575f5ffd5b9250929050565b5f5f5f5f5f5f5f5f610140898b0312156109f9575f5ffd5b610a038a8a6108f1565b9750610a128a60808b01610986565b9650610a2060c08a016108d6565b955060e0890135945061010089013567ffffffffffffffff811115610a43575f5ffd5b610a4f8b828c0161099c565b90955093505061012089013567ffffffffffffffff811115610a6f575f5ffd5b610a7b8b828c0161099c565b999c989b5096995094979396929594505050565b5f5f5f5f5f6101008688031215610aa4575f5ffd5b610aae87876108f1565b9450610abd8760808801610986565b9350610acb60c087016108d6565b925060e086013567ffffffffffffffff811115610ae6575f5ffd5b610af28882890161099c565b969995985093965092949392505050565b5f5f60408385031215610b14575f5ffd5b50508035926020909101359150565b5f5f60408385031215610b34575f5ffd5b610b3d836108d6565b946020939093013593505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b5f81518060208401855e5f93019283525090919050565b5f610ba28286610b80565b838582375f930192835250909392505050565b5f60208284031215610bc5575f5ffd5b610bce826108d6565b9392505050565b634e487b7160e01b5f52603260045260245ffd5b60ff8181168382160190811115610c0e57634e487b7160e01b5f52601160045260245ffd5b92915050565b83815260406020820152816040820152818360608301375f818301606090810191909152601f909201601f1916010192915050565b5f60208284031215610c59575f5ffd5b81516001600160e01b031981168114610bce575f5ffd5b5f610bce8284610b80565b5f60208284031215610c8b575f5ffd5b81518015158114610bce575f5ffdfe5065726d69745769746e6573735472616e7366657246726f6d28546f6b656e5065726d697373696f6e73207065726d69747465642c61646472657373207370656e6465722c75696e74323536206e6f6e63652c75696e7432353620646561646c696e652c",
}

// Permit2ABI is the input ABI used to generate the binding from.
// Deprecated: Use Permit2MetaData.ABI instead.
var Permit2ABI = Permit2MetaData.ABI

// Permit2Bin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use Permit2MetaData.Bin instead.
var Permit2Bin = Permit2MetaData.Bin

// DeployPermit2 deploys a new Ethereum contract, binding an instance of Permit2 to it.
func DeployPermit2(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *Permit2, error) {
	parsed, err := Permit2MetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(Permit2Bin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &Permit2{Permit2Caller: Permit2Caller{contract: contract}, Permit2Transactor: Permit2Transactor{contract: contract}, Permit2Filterer: Permit2Filterer{contract: contract}}, nil
}

// Permit2 is an auto generated Go binding around an Ethereum contract.
type Permit2 struct {
	Permit2Caller     // Read-only binding to the contract
	Permit2Transactor // Write-only binding to the contract
	Permit2Filterer   // Log filterer for contract events
}

// Permit2Caller is an auto generated read-only Go binding around an Ethereum contract.
type Permit2Caller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// Permit2Transactor is an auto generated write-only Go binding around an Ethereum contract.
type Permit2Transactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// Permit2Filterer is an auto generated log filtering Go binding around an Ethereum contract events.
type Permit2Filterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// Permit2Session is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type Permit2Session struct {
	Contract     *Permit2          // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// Permit2CallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type Permit2CallerSession struct {
	Contract *Permit2Caller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts  // Call options to use throughout this session
}

// Permit2TransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type Permit2TransactorSession struct {
	Contract     *Permit2Transactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts  // Transaction auth options to use throughout this session
}

// Permit2Raw is an auto generated low-level Go binding around an Ethereum contract.
type Permit2Raw struct {
	Contract *Permit2 // Generic contract binding to access the raw methods on
}

// Permit2CallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type Permit2CallerRaw struct {
	Contract *Permit2Caller // Generic read-only contract binding to access the raw methods on
}

// Permit2TransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type Permit2TransactorRaw struct {
	Contract *Permit2Transactor // Generic write-only contract binding to access the raw methods on
}

// NewPermit2 creates a new instance of Permit2, bound to a specific deployed contract.
func NewPermit2(address common.Address, backend bind.ContractBackend) (*Permit2, error) {
	contract, err := bindPermit2(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &Permit2{Permit2Caller: Permit2Caller{contract: contract}, Permit2Transactor: Permit2Transactor{contract: contract}, Permit2Filterer: Permit2Filterer{contract: contract}}, nil
}

// NewPermit2Caller creates a new read-only instance of Permit2, bound to a specific deployed contract.
func NewPermit2Caller(address common.Address, caller bind.ContractCaller) (*Permit2Caller, error) {
	contract, err := bindPermit2(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &Permit2Caller{contract: contract}, nil
}

// NewPermit2Transactor creates a new write-only instance of Permit2, bound to a specific deployed contract.
func NewPermit2Transactor(address common.Address, transactor bind.ContractTransactor) (*Permit2Transactor, error) {
	contract, err := bindPermit2(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &Permit2Transactor{contract: contract}, nil
}

// NewPermit2Filterer creates a new log filterer instance of Permit2, bound to a specific deployed contract.
func NewPermit2Filterer(address common.Address, filterer bind.ContractFilterer) (*Permit2Filterer, error) {
	contract, err := bindPermit2(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &Permit2Filterer{contract: contract}, nil
}

// bindPermit2 binds a generic wrapper to an already deployed contract.
func bindPermit2(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := Permit2MetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_Permit2 *Permit2Raw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _Permit2.Contract.Permit2Caller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_Permit2 *Permit2Raw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Permit2.Contract.Permit2Transactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_Permit2 *Permit2Raw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _Permit2.Contract.Permit2Transactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_Permit2 *Permit2CallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _Permit2.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_Permit2 *Permit2TransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Permit2.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_Permit2 *Permit2TransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _Permit2.Contract.contract.Transact(opts, method, params...)
}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_Permit2 *Permit2Caller) DOMAINSEPARATOR(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _Permit2.contract.Call(opts, &out, "DOMAIN_SEPARATOR")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_Permit2 *Permit2Session) DOMAINSEPARATOR() ([32]byte, error) {
	return _Permit2.Contract.DOMAINSEPARATOR(&_Permit2.CallOpts)
}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_Permit2 *Permit2CallerSession) DOMAINSEPARATOR() ([32]byte, error) {
	return _Permit2.Contract.DOMAINSEPARATOR(&_Permit2.CallOpts)
}

// PERMITTRANSFERFROMTYPEHASH is a free data retrieval call binding the contract method 0x78f16830.
//
// Solidity: function _PERMIT_TRANSFER_FROM_TYPEHASH() view returns(bytes32)
func (_Permit2 *Permit2Caller) PERMITTRANSFERFROMTYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _Permit2.contract.Call(opts, &out, "_PERMIT_TRANSFER_FROM_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// PERMITTRANSFERFROMTYPEHASH is a free data retrieval call binding the contract method 0x78f16830.
//
// Solidity: function _PERMIT_TRANSFER_FROM_TYPEHASH() view returns(bytes32)
func (_Permit2 *Permit2Session) PERMITTRANSFERFROMTYPEHASH() ([32]byte, error) {
	return _Permit2.Contract.PERMITTRANSFERFROMTYPEHASH(&_Permit2.CallOpts)
}

// PERMITTRANSFERFROMTYPEHASH is a free data retrieval call binding the contract method 0x78f16830.
//
// Solidity: function _PERMIT_TRANSFER_FROM_TYPEHASH() view returns(bytes32)
func (_Permit2 *Permit2CallerSession) PERMITTRANSFERFROMTYPEHASH() ([32]byte, error) {
	return _Permit2.Contract.PERMITTRANSFERFROMTYPEHASH(&_Permit2.CallOpts)
}

// PERMITTRANSFERFROMWITNESSTYPEHASHSTUB is a free data retrieval call binding the contract method 0x84b8efbb.
//
// Solidity: function _PERMIT_TRANSFER_FROM_WITNESS_TYPEHASH_STUB() view returns(string)
func (_Permit2 *Permit2Caller) PERMITTRANSFERFROMWITNESSTYPEHASHSTUB(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _Permit2.contract.Call(opts, &out, "_PERMIT_TRANSFER_FROM_WITNESS_TYPEHASH_STUB")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// PERMITTRANSFERFROMWITNESSTYPEHASHSTUB is a free data retrieval call binding the contract method 0x84b8efbb.
//
// Solidity: function _PERMIT_TRANSFER_FROM_WITNESS_TYPEHASH_STUB() view returns(string)
func (_Permit2 *Permit2Session) PERMITTRANSFERFROMWITNESSTYPEHASHSTUB() (string, error) {
	return _Permit2.Contract.PERMITTRANSFERFROMWITNESSTYPEHASHSTUB(&_Permit2.CallOpts)
}

// PERMITTRANSFERFROMWITNESSTYPEHASHSTUB is a free data retrieval call binding the contract method 0x84b8efbb.
//
// Solidity: function _PERMIT_TRANSFER_FROM_WITNESS_TYPEHASH_STUB() view returns(string)
func (_Permit2 *Permit2CallerSession) PERMITTRANSFERFROMWITNESSTYPEHASHSTUB() (string, error) {
	return _Permit2.Contract.PERMITTRANSFERFROMWITNESSTYPEHASHSTUB(&_Permit2.CallOpts)
}

// TOKENPERMISSIONSTYPEHASH is a free data retrieval call binding the contract method 0x415e982d.
//
// Solidity: function _TOKEN_PERMISSIONS_TYPEHASH() view returns(bytes32)
func (_Permit2 *Permit2Caller) TOKENPERMISSIONSTYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _Permit2.contract.Call(opts, &out, "_TOKEN_PERMISSIONS_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// TOKENPERMISSIONSTYPEHASH is a free data retrieval call binding the contract method 0x415e982d.
//
// Solidity: function _TOKEN_PERMISSIONS_TYPEHASH() view returns(bytes32)
func (_Permit2 *Permit2Session) TOKENPERMISSIONSTYPEHASH() ([32]byte, error) {
	return _Permit2.Contract.TOKENPERMISSIONSTYPEHASH(&_Permit2.CallOpts)
}

// TOKENPERMISSIONSTYPEHASH is a free data retrieval call binding the contract method 0x415e982d.
//
// Solidity: function _TOKEN_PERMISSIONS_TYPEHASH() view returns(bytes32)
func (_Permit2 *Permit2CallerSession) TOKENPERMISSIONSTYPEHASH() ([32]byte, error) {
	return _Permit2.Contract.TOKENPERMISSIONSTYPEHASH(&_Permit2.CallOpts)
}

// NonceBitmap is a free data retrieval call binding the contract method 0x4fe02b44.
//
// Solidity: function nonceBitmap(address , uint256 ) view returns(uint256)
func (_Permit2 *Permit2Caller) NonceBitmap(opts *bind.CallOpts, arg0 common.Address, arg1 *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _Permit2.contract.Call(opts, &out, "nonceBitmap", arg0, arg1)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// NonceBitmap is a free data retrieval call binding the contract method 0x4fe02b44.
//
// Solidity: function nonceBitmap(address , uint256 ) view returns(uint256)
func (_Permit2 *Permit2Session) NonceBitmap(arg0 common.Address, arg1 *big.Int) (*big.Int, error) {
	return _Permit2.Contract.NonceBitmap(&_Permit2.CallOpts, arg0, arg1)
}

// NonceBitmap is a free data retrieval call binding the contract method 0x4fe02b44.
//
// Solidity: function nonceBitmap(address , uint256 ) view returns(uint256)
func (_Permit2 *Permit2CallerSession) NonceBitmap(arg0 common.Address, arg1 *big.Int) (*big.Int, error) {
	return _Permit2.Contract.NonceBitmap(&_Permit2.CallOpts, arg0, arg1)
}

// InvalidateUnorderedNonces is a paid mutator transaction binding the contract method 0x3ff9dcb1.
//
// Solidity: function invalidateUnorderedNonces(uint256 wordPos, uint256 mask) returns()
func (_Permit2 *Permit2Transactor) InvalidateUnorderedNonces(opts *bind.TransactOpts, wordPos *big.Int, mask *big.Int) (*types.Transaction, error) {
	return _Permit2.contract.Transact(opts, "invalidateUnorderedNonces", wordPos, mask)
}

// InvalidateUnorderedNonces is a paid mutator transaction binding the contract method 0x3ff9dcb1.
//
// Solidity: function invalidateUnorderedNonces(uint256 wordPos, uint256 mask) returns()
func (_Permit2 *Permit2Session) InvalidateUnorderedNonces(wordPos *big.Int, mask *big.Int) (*types.Transaction, error) {
	return _Permit2.Contract.InvalidateUnorderedNonces(&_Permit2.TransactOpts, wordPos, mask)
}

// InvalidateUnorderedNonces is a paid mutator transaction binding the contract method 0x3ff9dcb1.
//
// Solidity: function invalidateUnorderedNonces(uint256 wordPos, uint256 mask) returns()
func (_Permit2 *Permit2TransactorSession) InvalidateUnorderedNonces(wordPos *big.Int, mask *big.Int) (*types.Transaction, error) {
	return _Permit2.Contract.InvalidateUnorderedNonces(&_Permit2.TransactOpts, wordPos, mask)
}

// PermitTransferFrom is a paid mutator transaction binding the contract method 0x30f28b7a.
//
// Solidity: function permitTransferFrom(((address,uint256),uint256,uint256) permit, (address,uint256) transferDetails, address owner, bytes signature) returns()
func (_Permit2 *Permit2Transactor) PermitTransferFrom(opts *bind.TransactOpts, permit ISignatureTransferPermitTransferFrom, transferDetails ISignatureTransferSignatureTransferDetails, owner common.Address, signature []byte) (*types.Transaction, error) {
	return _Permit2.contract.Transact(opts, "permitTransferFrom", permit, transferDetails, owner, signature)
}

// PermitTransferFrom is a paid mutator transaction binding the contract method 0x30f28b7a.
//
// Solidity: function permitTransferFrom(((address,uint256),uint256,uint256) permit, (address,uint256) transferDetails, address owner, bytes signature) returns()
func (_Permit2 *Permit2Session) PermitTransferFrom(permit ISignatureTransferPermitTransferFrom, transferDetails ISignatureTransferSignatureTransferDetails, owner common.Address, signature []byte) (*types.Transaction, error) {
	return _Permit2.Contract.PermitTransferFrom(&_Permit2.TransactOpts, permit, transferDetails, owner, signature)
}

// PermitTransferFrom is a paid mutator transaction binding the contract method 0x30f28b7a.
//
// Solidity: function permitTransferFrom(((address,uint256),uint256,uint256) permit, (address,uint256) transferDetails, address owner, bytes signature) returns()
func (_Permit2 *Permit2TransactorSession) PermitTransferFrom(permit ISignatureTransferPermitTransferFrom, transferDetails ISignatureTransferSignatureTransferDetails, owner common.Address, signature []byte) (*types.Transaction, error) {
	return _Permit2.Contract.PermitTransferFrom(&_Permit2.TransactOpts, permit, transferDetails, owner, signature)
}

// PermitWitnessTransferFrom is a paid mutator transaction binding the contract method 0x137c29fe.
//
// Solidity: function permitWitnessTransferFrom(((address,uint256),uint256,uint256) permit, (address,uint256) transferDetails, address owner, bytes32 witness, string witnessTypeString, bytes signature) returns()
func (_Permit2 *Permit2Transactor) PermitWitnessTransferFrom(opts *bind.TransactOpts, permit ISignatureTransferPermitTransferFrom, transferDetails ISignatureTransferSignatureTransferDetails, owner common.Address, witness [32]byte, witnessTypeString string, signature []byte) (*types.Transaction, error) {
	return _Permit2.contract.Transact(opts, "permitWitnessTransferFrom", permit, transferDetails, owner, witness, witnessTypeString, signature)
}

// PermitWitnessTransferFrom is a paid mutator transaction binding the contract method 0x137c29fe.
//
// Solidity: function permitWitnessTransferFrom(((address,uint256),uint256,uint256) permit, (address,uint256) transferDetails, address owner, bytes32 witness, string witnessTypeString, bytes signature) returns()
func (_Permit2 *Permit2Session) PermitWitnessTransferFrom(permit ISignatureTransferPermitTransferFrom, transferDetails ISignatureTransferSignatureTransferDetails, owner common.Address, witness [32]byte, witnessTypeString string, signature []byte) (*types.Transaction, error) {
	return _Permit2.Contract.PermitWitnessTransferFrom(&_Permit2.TransactOpts, permit, transferDetails, owner, witness, witnessTypeString, signature)
}

// PermitWitnessTransferFrom is a paid mutator transaction binding the contract method 0x137c29fe.
//
// Solidity: function permitWitnessTransferFrom(((address,uint256),uint256,uint256) permit, (address,uint256) transferDetails, address owner, bytes32 witness, string witnessTypeString, bytes signature) returns()
func (_Permit2 *Permit2TransactorSession) PermitWitnessTransferFrom(permit ISignatureTransferPermitTransferFrom, transferDetails ISignatureTransferSignatureTransferDetails, owner common.Address, witness [32]byte, witnessTypeString string, signature []byte) (*types.Transaction, error) {
	return _Permit2.Contract.PermitWitnessTransferFrom(&_Permit2.TransactOpts, permit, transferDetails, owner, witness, witnessTypeString, signature)
}

// Permit2UnorderedNonceInvalidationIterator is returned from FilterUnorderedNonceInvalidation and is used to iterate over the raw logs and unpacked data for UnorderedNonceInvalidation events raised by the Permit2 contract.
type Permit2UnorderedNonceInvalidationIterator struct {
	Event *Permit2UnorderedNonceInvalidation // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *Permit2UnorderedNonceInvalidationIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(Permit2UnorderedNonceInvalidation)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(Permit2UnorderedNonceInvalidation)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *Permit2UnorderedNonceInvalidationIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *Permit2UnorderedNonceInvalidationIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// Permit2UnorderedNonceInvalidation represents a UnorderedNonceInvalidation event raised by the Permit2 contract.
type Permit2UnorderedNonceInvalidation struct {
	Owner common.Address
	Word  *big.Int
	Mask  *big.Int
	Raw   types.Log // Blockchain specific contextual infos
}

// FilterUnorderedNonceInvalidation is a free log retrieval operation binding the contract event 0x3704902f963766a4e561bbaab6e6cdc1b1dd12f6e9e99648da8843b3f46b918d.
//
// Solidity: event UnorderedNonceInvalidation(address indexed owner, uint256 word, uint256 mask)
func (_Permit2 *Permit2Filterer) FilterUnorderedNonceInvalidation(opts *bind.FilterOpts, owner []common.Address) (*Permit2UnorderedNonceInvalidationIterator, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _Permit2.contract.FilterLogs(opts, "UnorderedNonceInvalidation", ownerRule)
	if err != nil {
		return nil, err
	}
	return &Permit2UnorderedNonceInvalidationIterator{contract: _Permit2.contract, event: "UnorderedNonceInvalidation", logs: logs, sub: sub}, nil
}

// WatchUnorderedNonceInvalidation is a free log subscription operation binding the contract event 0x3704902f963766a4e561bbaab6e6cdc1b1dd12f6e9e99648da8843b3f46b918d.
//
// Solidity: event UnorderedNonceInvalidation(address indexed owner, uint256 word, uint256 mask)
func (_Permit2 *Permit2Filterer) WatchUnorderedNonceInvalidation(opts *bind.WatchOpts, sink chan<- *Permit2UnorderedNonceInvalidation, owner []common.Address) (event.Subscription, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _Permit2.contract.WatchLogs(opts, "UnorderedNonceInvalidation", ownerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(Permit2UnorderedNonceInvalidation)
				if err := _Permit2.contract.UnpackLog(event, "UnorderedNonceInvalidation", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseUnorderedNonceInvalidation is a log parse operation binding the contract event 0x3704902f963766a4e561bbaab6e6cdc1b1dd12f6e9e99648da8843b3f46b918d.
//
// Solidity: event UnorderedNonceInvalidation(address indexed owner, uint256 word, uint256 mask)
func (_Permit2 *Permit2Filterer) ParseUnorderedNonceInvalidation(log types.Log) (*Permit2UnorderedNonceInvalidation, error) {
	event := new(Permit2UnorderedNonceInvalidation)
	if err := _Permit2.contract.UnpackLog(event, "UnorderedNonceInvalidation", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// X402ExactPermit2ProxyMetaData contains all meta data concerning the X402ExactPermit2Proxy contract.
var X402ExactPermit2ProxyMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[],\"name\":\"InvalidAmount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidDestination\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidOwner\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidPermit2Address\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PaymentTooEarly\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Permit2612AmountMismatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"EIP2612PermitFailedWithData\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"EIP2612PermitFailedWithReason\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"Settled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"SettledWithPermit\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"PERMIT2\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"WITNESS_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"WITNESS_TYPE_STRING\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"internalType\":\"structISignatureTransfer.TokenPermissions\",\"name\":\"permitted\",\"type\":\"tuple\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"internalType\":\"structISignatureTransfer.PermitTransferFrom\",\"name\":\"permit\",\"type\":\"tuple\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"validAfter\",\"type\":\"uint256\"}],\"internalType\":\"structX402ExactPermit2Proxy.Witness\",\"name\":\"witness\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"settle\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"}],\"internalType\":\"structX402ExactPermit2Proxy.EIP2612Permit\",\"name\":\"permit2612\",\"type\":\"tuple\"},{\"components\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"internalType\":\"structISignatureTransfer.TokenPermissions\",\"name\":\"permitted\",\"type\":\"tuple\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"internalType\":\"structISignatureTransfer.PermitTransferFrom\",\"name\":\"permit\",\"type\":\"tuple\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"validAfter\",\"type\":\"uint256\"}],\"internalType\":\"structX402ExactPermit2Proxy.Witness\",\"name\":\"witness\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"settleWithPermit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b506109a88061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610055575f3560e01c806313cd3b5314610059578063156e21521461006e5780632c03ae6a1461008c5780636afdd850146100c1578063fa340378146100ef575b5f5ffd5b61006c610067366004610624565b610102565b005b610076610165565b60405161008391906106c6565b60405180910390f35b6100b37fd97b3239a7f32295517bd14cb074edfdd188dfe5eb42f802bb26d4fd1eb12c3781565b604051908152602001610083565b6100d76e22d473030f116ddee9f6b43ac78ba381565b6040516001600160a01b039091168152602001610083565b61006c6100fd3660046106df565b610181565b5f541561012257604051633ee5aeb560e01b815260040160405180910390fd5b60015f5561013385858585856103c2565b6040517f97088ec3606cfe8cc112180570d03fcde05f9b8e1bfef8e27784eaf5dd5691b6905f90a150505f8055505050565b6040518060a00160405280606481526020016109446064913981565b5f54156101a157604051633ee5aeb560e01b815260040160405180910390fd5b60015f5585356020860135146101ca5760405163050cda4960e01b815260040160405180910390fd5b5f6101d8602087018761076d565b90506001600160a01b03811663d505accf866e22d473030f116ddee9f6b43ac78ba38a3560208c013561021160a08e0160808f01610786565b604080516001600160e01b031960e089901b1681526001600160a01b0396871660048201529590941660248601526044850192909252606484015260ff1660848301528a013560a482015260608a013560c482015260e4015f604051808303815f87803b158015610280575f5ffd5b505af1925050508015610291575060015b6103815761029d6107a6565b806308c379a00361030d57506102b16107f8565b806102bc575061030f565b856001600160a01b0316826001600160a01b03167f0fea7e5a0e14e9f700b9b0666ffd524bacb9ceb9e6234ea2bfb8e1d0ee2365e7836040516102ff91906106c6565b60405180910390a350610381565b505b3d808015610338576040519150601f19603f3d011682016040523d82523d5f602084013e61033d565b606091505b50856001600160a01b0316826001600160a01b03167f41d715076dfd9c1fd3135fbb7675020aab7fb8e82349a0cd5aaa970dcfb816fe836040516102ff91906106c6565b61038e86868686866103c2565b6040517fde5b89d10fc800c459329c382fabfcad0be0ed7e5328e01fae04e507b09ef5d8905f90a150505f80555050505050565b60208501355f036103e65760405163162908e360e11b815260040160405180910390fd5b6001600160a01b03841661040d576040516349e27cff60e01b815260040160405180910390fd5b5f61041b602085018561076d565b6001600160a01b0316036104425760405163ac6b05f560e01b815260040160405180910390fd5b82602001354210156104675760405163532a9cfd60e11b815260040160405180910390fd5b5f7fd97b3239a7f32295517bd14cb074edfdd188dfe5eb42f802bb26d4fd1eb12c37610496602086018661076d565b604080516020818101949094526001600160a01b03909216908201529085013560608201526080016040516020818303038152906040528051906020012090506e22d473030f116ddee9f6b43ac78ba36001600160a01b031663137c29fe876040518060400160405280885f016020810190610512919061076d565b6001600160a01b031681526020018a5f016020013581525088856040518060a00160405280606481526020016109446064913989896040518863ffffffff1660e01b815260040161056997969594939291906108a4565b5f604051808303815f87803b158015610580575f5ffd5b505af1158015610592573d5f5f3e3d5ffd5b50505050505050505050565b5f608082840312156105ae575f5ffd5b50919050565b80356001600160a01b03811681146105ca575f5ffd5b919050565b5f604082840312156105ae575f5ffd5b5f5f83601f8401126105ef575f5ffd5b50813567ffffffffffffffff811115610606575f5ffd5b60208301915083602082850101111561061d575f5ffd5b9250929050565b5f5f5f5f5f6101008688031215610639575f5ffd5b610643878761059e565b9450610651608087016105b4565b93506106608760a088016105cf565b925060e086013567ffffffffffffffff81111561067b575f5ffd5b610687888289016105df565b969995985093965092949392505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f6106d86020830184610698565b9392505050565b5f5f5f5f5f5f8688036101a08112156106f6575f5ffd5b60a0811215610703575f5ffd5b508695506107148860a0890161059e565b945061072361012088016105b4565b93506107338861014089016105cf565b925061018087013567ffffffffffffffff81111561074f575f5ffd5b61075b89828a016105df565b979a9699509497509295939492505050565b5f6020828403121561077d575f5ffd5b6106d8826105b4565b5f60208284031215610796575f5ffd5b813560ff811681146106d8575f5ffd5b5f60033d11156107bc5760045f5f3e505f5160e01c5b90565b601f8201601f1916810167ffffffffffffffff811182821017156107f157634e487b7160e01b5f52604160045260245ffd5b6040525050565b5f60443d10156108055790565b6040513d600319016004823e80513d602482011167ffffffffffffffff8211171561082f57505090565b808201805167ffffffffffffffff81111561084b575050505090565b3d8401600319018282016020011115610865575050505090565b610874602082850101856107bf565b509392505050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b6001600160a01b036108b5896105b4565b168152602088810135818301526040808a0135908301526060808a01359083015287516001600160a01b0316608083015287015160a08201525f61090460c08301886001600160a01b03169052565b8560e0830152610140610100830152610921610140830186610698565b82810361012084015261093581858761087c565b9a995050505050505050505056fe5769746e657373207769746e65737329546f6b656e5065726d697373696f6e73286164647265737320746f6b656e2c75696e7432353620616d6f756e74295769746e657373286164647265737320746f2c75696e743235362076616c6964416674657229",
}

// X402ExactPermit2ProxyABI is the input ABI used to generate the binding from.
// Deprecated: Use X402ExactPermit2ProxyMetaData.ABI instead.
var X402ExactPermit2ProxyABI = X402ExactPermit2ProxyMetaData.ABI

// X402ExactPermit2ProxyBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use X402ExactPermit2ProxyMetaData.Bin instead.
var X402ExactPermit2ProxyBin = X402ExactPermit2ProxyMetaData.Bin

// DeployX402ExactPermit2Proxy deploys a new Ethereum contract, binding an instance of X402ExactPermit2Proxy to it.
func DeployX402ExactPermit2Proxy(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *X402ExactPermit2Proxy, error) {
	parsed, err := X402ExactPermit2ProxyMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(X402ExactPermit2ProxyBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &X402ExactPermit2Proxy{X402ExactPermit2ProxyCaller: X402ExactPermit2ProxyCaller{contract: contract}, X402ExactPermit2ProxyTransactor: X402ExactPermit2ProxyTransactor{contract: contract}, X402ExactPermit2ProxyFilterer: X402ExactPermit2ProxyFilterer{contract: contract}}, nil
}

// X402ExactPermit2Proxy is an auto generated Go binding around an Ethereum contract.
type X402ExactPermit2Proxy struct {
	X402ExactPermit2ProxyCaller     // Read-only binding to the contract
	X402ExactPermit2ProxyTransactor // Write-only binding to the contract
	X402ExactPermit2ProxyFilterer   // Log filterer for contract events
}

// X402ExactPermit2ProxyCaller is an auto generated read-only Go binding around an Ethereum contract.
type X402ExactPermit2ProxyCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// X402ExactPermit2ProxyTransactor is an auto generated write-only Go binding around an Ethereum contract.
type X402ExactPermit2ProxyTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// X402ExactPermit2ProxyFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type X402ExactPermit2ProxyFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// X402ExactPermit2ProxySession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type X402ExactPermit2ProxySession struct {
	Contract     *X402ExactPermit2Proxy // Generic contract binding to set the session for
	CallOpts     bind.CallOpts          // Call options to use throughout this session
	TransactOpts bind.TransactOpts      // Transaction auth options to use throughout this session
}

// X402ExactPermit2ProxyCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type X402ExactPermit2ProxyCallerSession struct {
	Contract *X402ExactPermit2ProxyCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts                // Call options to use throughout this session
}

// X402ExactPermit2ProxyTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type X402ExactPermit2ProxyTransactorSession struct {
	Contract     *X402ExactPermit2ProxyTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts                // Transaction auth options to use throughout this session
}

// X402ExactPermit2ProxyRaw is an auto generated low-level Go binding around an Ethereum contract.
type X402ExactPermit2ProxyRaw struct {
	Contract *X402ExactPermit2Proxy // Generic contract binding to access the raw methods on
}

// X402ExactPermit2ProxyCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type X402ExactPermit2ProxyCallerRaw struct {
	Contract *X402ExactPermit2ProxyCaller // Generic read-only contract binding to access the raw methods on
}

// X402ExactPermit2ProxyTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type X402ExactPermit2ProxyTransactorRaw struct {
	Contract *X402ExactPermit2ProxyTransactor // Generic write-only contract binding to access the raw methods on
}

// NewX402ExactPermit2Proxy creates a new instance of X402ExactPermit2Proxy, bound to a specific deployed contract.
func NewX402ExactPermit2Proxy(address common.Address, backend bind.ContractBackend) (*X402ExactPermit2Proxy, error) {
	contract, err := bindX402ExactPermit2Proxy(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &X402ExactPermit2Proxy{X402ExactPermit2ProxyCaller: X402ExactPermit2ProxyCaller{contract: contract}, X402ExactPermit2ProxyTransactor: X402ExactPermit2ProxyTransactor{contract: contract}, X402ExactPermit2ProxyFilterer: X402ExactPermit2ProxyFilterer{contract: contract}}, nil
}

// NewX402ExactPermit2ProxyCaller creates a new read-only instance of X402ExactPermit2Proxy, bound to a specific deployed contract.
func NewX402ExactPermit2ProxyCaller(address common.Address, caller bind.ContractCaller) (*X402ExactPermit2ProxyCaller, error) {
	contract, err := bindX402ExactPermit2Proxy(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &X402ExactPermit2ProxyCaller{contract: contract}, nil
}

// NewX402ExactPermit2ProxyTransactor creates a new write-only instance of X402ExactPermit2Proxy, bound to a specific deployed contract.
func NewX402ExactPermit2ProxyTransactor(address common.Address, transactor bind.ContractTransactor) (*X402ExactPermit2ProxyTransactor, error) {
	contract, err := bindX402ExactPermit2Proxy(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &X402ExactPermit2ProxyTransactor{contract: contract}, nil
}

// NewX402ExactPermit2ProxyFilterer creates a new log filterer instance of X402ExactPermit2Proxy, bound to a specific deployed contract.
func NewX402ExactPermit2ProxyFilterer(address common.Address, filterer bind.ContractFilterer) (*X402ExactPermit2ProxyFilterer, error) {
	contract, err := bindX402ExactPermit2Proxy(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &X402ExactPermit2ProxyFilterer{contract: contract}, nil
}

// bindX402ExactPermit2Proxy binds a generic wrapper to an already deployed contract.
func bindX402ExactPermit2Proxy(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := X402ExactPermit2ProxyMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _X402ExactPermit2Proxy.Contract.X402ExactPermit2ProxyCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _X402ExactPermit2Proxy.Contract.X402ExactPermit2ProxyTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _X402ExactPermit2Proxy.Contract.X402ExactPermit2ProxyTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _X402ExactPermit2Proxy.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _X402ExactPermit2Proxy.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _X402ExactPermit2Proxy.Contract.contract.Transact(opts, method, params...)
}

// PERMIT2 is a free data retrieval call binding the contract method 0x6afdd850.
//
// Solidity: function PERMIT2() view returns(address)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyCaller) PERMIT2(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _X402ExactPermit2Proxy.contract.Call(opts, &out, "PERMIT2")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// PERMIT2 is a free data retrieval call binding the contract method 0x6afdd850.
//
// Solidity: function PERMIT2() view returns(address)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxySession) PERMIT2() (common.Address, error) {
	return _X402ExactPermit2Proxy.Contract.PERMIT2(&_X402ExactPermit2Proxy.CallOpts)
}

// PERMIT2 is a free data retrieval call binding the contract method 0x6afdd850.
//
// Solidity: function PERMIT2() view returns(address)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyCallerSession) PERMIT2() (common.Address, error) {
	return _X402ExactPermit2Proxy.Contract.PERMIT2(&_X402ExactPermit2Proxy.CallOpts)
}

// WITNESSTYPEHASH is a free data retrieval call binding the contract method 0x2c03ae6a.
//
// Solidity: function WITNESS_TYPEHASH() view returns(bytes32)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyCaller) WITNESSTYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _X402ExactPermit2Proxy.contract.Call(opts, &out, "WITNESS_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// WITNESSTYPEHASH is a free data retrieval call binding the contract method 0x2c03ae6a.
//
// Solidity: function WITNESS_TYPEHASH() view returns(bytes32)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxySession) WITNESSTYPEHASH() ([32]byte, error) {
	return _X402ExactPermit2Proxy.Contract.WITNESSTYPEHASH(&_X402ExactPermit2Proxy.CallOpts)
}

// WITNESSTYPEHASH is a free data retrieval call binding the contract method 0x2c03ae6a.
//
// Solidity: function WITNESS_TYPEHASH() view returns(bytes32)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyCallerSession) WITNESSTYPEHASH() ([32]byte, error) {
	return _X402ExactPermit2Proxy.Contract.WITNESSTYPEHASH(&_X402ExactPermit2Proxy.CallOpts)
}

// WITNESSTYPESTRING is a free data retrieval call binding the contract method 0x156e2152.
//
// Solidity: function WITNESS_TYPE_STRING() view returns(string)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyCaller) WITNESSTYPESTRING(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _X402ExactPermit2Proxy.contract.Call(opts, &out, "WITNESS_TYPE_STRING")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// WITNESSTYPESTRING is a free data retrieval call binding the contract method 0x156e2152.
//
// Solidity: function WITNESS_TYPE_STRING() view returns(string)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxySession) WITNESSTYPESTRING() (string, error) {
	return _X402ExactPermit2Proxy.Contract.WITNESSTYPESTRING(&_X402ExactPermit2Proxy.CallOpts)
}

// WITNESSTYPESTRING is a free data retrieval call binding the contract method 0x156e2152.
//
// Solidity: function WITNESS_TYPE_STRING() view returns(string)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyCallerSession) WITNESSTYPESTRING() (string, error) {
	return _X402ExactPermit2Proxy.Contract.WITNESSTYPESTRING(&_X402ExactPermit2Proxy.CallOpts)
}

// Settle is a paid mutator transaction binding the contract method 0x13cd3b53.
//
// Solidity: function settle(((address,uint256),uint256,uint256) permit, address owner, (address,uint256) witness, bytes signature) returns()
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyTransactor) Settle(opts *bind.TransactOpts, permit ISignatureTransferPermitTransferFrom, owner common.Address, witness X402ExactPermit2ProxyWitness, signature []byte) (*types.Transaction, error) {
	return _X402ExactPermit2Proxy.contract.Transact(opts, "settle", permit, owner, witness, signature)
}

// Settle is a paid mutator transaction binding the contract method 0x13cd3b53.
//
// Solidity: function settle(((address,uint256),uint256,uint256) permit, address owner, (address,uint256) witness, bytes signature) returns()
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxySession) Settle(permit ISignatureTransferPermitTransferFrom, owner common.Address, witness X402ExactPermit2ProxyWitness, signature []byte) (*types.Transaction, error) {
	return _X402ExactPermit2Proxy.Contract.Settle(&_X402ExactPermit2Proxy.TransactOpts, permit, owner, witness, signature)
}

// Settle is a paid mutator transaction binding the contract method 0x13cd3b53.
//
// Solidity: function settle(((address,uint256),uint256,uint256) permit, address owner, (address,uint256) witness, bytes signature) returns()
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyTransactorSession) Settle(permit ISignatureTransferPermitTransferFrom, owner common.Address, witness X402ExactPermit2ProxyWitness, signature []byte) (*types.Transaction, error) {
	return _X402ExactPermit2Proxy.Contract.Settle(&_X402ExactPermit2Proxy.TransactOpts, permit, owner, witness, signature)
}

// SettleWithPermit is a paid mutator transaction binding the contract method 0xfa340378.
//
// Solidity: function settleWithPermit((uint256,uint256,bytes32,bytes32,uint8) permit2612, ((address,uint256),uint256,uint256) permit, address owner, (address,uint256) witness, bytes signature) returns()
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyTransactor) SettleWithPermit(opts *bind.TransactOpts, permit2612 X402ExactPermit2ProxyEIP2612Permit, permit ISignatureTransferPermitTransferFrom, owner common.Address, witness X402ExactPermit2ProxyWitness, signature []byte) (*types.Transaction, error) {
	return _X402ExactPermit2Proxy.contract.Transact(opts, "settleWithPermit", permit2612, permit, owner, witness, signature)
}

// SettleWithPermit is a paid mutator transaction binding the contract method 0xfa340378.
//
// Solidity: function settleWithPermit((uint256,uint256,bytes32,bytes32,uint8) permit2612, ((address,uint256),uint256,uint256) permit, address owner, (address,uint256) witness, bytes signature) returns()
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxySession) SettleWithPermit(permit2612 X402ExactPermit2ProxyEIP2612Permit, permit ISignatureTransferPermitTransferFrom, owner common.Address, witness X402ExactPermit2ProxyWitness, signature []byte) (*types.Transaction, error) {
	return _X402ExactPermit2Proxy.Contract.SettleWithPermit(&_X402ExactPermit2Proxy.TransactOpts, permit2612, permit, owner, witness, signature)
}

// SettleWithPermit is a paid mutator transaction binding the contract method 0xfa340378.
//
// Solidity: function settleWithPermit((uint256,uint256,bytes32,bytes32,uint8) permit2612, ((address,uint256),uint256,uint256) permit, address owner, (address,uint256) witness, bytes signature) returns()
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyTransactorSession) SettleWithPermit(permit2612 X402ExactPermit2ProxyEIP2612Permit, permit ISignatureTransferPermitTransferFrom, owner common.Address, witness X402ExactPermit2ProxyWitness, signature []byte) (*types.Transaction, error) {
	return _X402ExactPermit2Proxy.Contract.SettleWithPermit(&_X402ExactPermit2Proxy.TransactOpts, permit2612, permit, owner, witness, signature)
}

// X402ExactPermit2ProxyEIP2612PermitFailedWithDataIterator is returned from FilterEIP2612PermitFailedWithData and is used to iterate over the raw logs and unpacked data for EIP2612PermitFailedWithData events raised by the X402ExactPermit2Proxy contract.
type X402ExactPermit2ProxyEIP2612PermitFailedWithDataIterator struct {
	Event *X402ExactPermit2ProxyEIP2612PermitFailedWithData // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *X402ExactPermit2ProxyEIP2612PermitFailedWithDataIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(X402ExactPermit2ProxyEIP2612PermitFailedWithData)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(X402ExactPermit2ProxyEIP2612PermitFailedWithData)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *X402ExactPermit2ProxyEIP2612PermitFailedWithDataIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *X402ExactPermit2ProxyEIP2612PermitFailedWithDataIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// X402ExactPermit2ProxyEIP2612PermitFailedWithData represents a EIP2612PermitFailedWithData event raised by the X402ExactPermit2Proxy contract.
type X402ExactPermit2ProxyEIP2612PermitFailedWithData struct {
	Token common.Address
	Owner common.Address
	Data  []byte
	Raw   types.Log // Blockchain specific contextual infos
}

// FilterEIP2612PermitFailedWithData is a free log retrieval operation binding the contract event 0x41d715076dfd9c1fd3135fbb7675020aab7fb8e82349a0cd5aaa970dcfb816fe.
//
// Solidity: event EIP2612PermitFailedWithData(address indexed token, address indexed owner, bytes data)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyFilterer) FilterEIP2612PermitFailedWithData(opts *bind.FilterOpts, token []common.Address, owner []common.Address) (*X402ExactPermit2ProxyEIP2612PermitFailedWithDataIterator, error) {

	var tokenRule []interface{}
	for _, tokenItem := range token {
		tokenRule = append(tokenRule, tokenItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _X402ExactPermit2Proxy.contract.FilterLogs(opts, "EIP2612PermitFailedWithData", tokenRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return &X402ExactPermit2ProxyEIP2612PermitFailedWithDataIterator{contract: _X402ExactPermit2Proxy.contract, event: "EIP2612PermitFailedWithData", logs: logs, sub: sub}, nil
}

// WatchEIP2612PermitFailedWithData is a free log subscription operation binding the contract event 0x41d715076dfd9c1fd3135fbb7675020aab7fb8e82349a0cd5aaa970dcfb816fe.
//
// Solidity: event EIP2612PermitFailedWithData(address indexed token, address indexed owner, bytes data)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyFilterer) WatchEIP2612PermitFailedWithData(opts *bind.WatchOpts, sink chan<- *X402ExactPermit2ProxyEIP2612PermitFailedWithData, token []common.Address, owner []common.Address) (event.Subscription, error) {

	var tokenRule []interface{}
	for _, tokenItem := range token {
		tokenRule = append(tokenRule, tokenItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _X402ExactPermit2Proxy.contract.WatchLogs(opts, "EIP2612PermitFailedWithData", tokenRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(X402ExactPermit2ProxyEIP2612PermitFailedWithData)
				if err := _X402ExactPermit2Proxy.contract.UnpackLog(event, "EIP2612PermitFailedWithData", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseEIP2612PermitFailedWithData is a log parse operation binding the contract event 0x41d715076dfd9c1fd3135fbb7675020aab7fb8e82349a0cd5aaa970dcfb816fe.
//
// Solidity: event EIP2612PermitFailedWithData(address indexed token, address indexed owner, bytes data)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyFilterer) ParseEIP2612PermitFailedWithData(log types.Log) (*X402ExactPermit2ProxyEIP2612PermitFailedWithData, error) {
	event := new(X402ExactPermit2ProxyEIP2612PermitFailedWithData)
	if err := _X402ExactPermit2Proxy.contract.UnpackLog(event, "EIP2612PermitFailedWithData", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// X402ExactPermit2ProxyEIP2612PermitFailedWithReasonIterator is returned from FilterEIP2612PermitFailedWithReason and is used to iterate over the raw logs and unpacked data for EIP2612PermitFailedWithReason events raised by the X402ExactPermit2Proxy contract.
type X402ExactPermit2ProxyEIP2612PermitFailedWithReasonIterator struct {
	Event *X402ExactPermit2ProxyEIP2612PermitFailedWithReason // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *X402ExactPermit2ProxyEIP2612PermitFailedWithReasonIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(X402ExactPermit2ProxyEIP2612PermitFailedWithReason)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(X402ExactPermit2ProxyEIP2612PermitFailedWithReason)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *X402ExactPermit2ProxyEIP2612PermitFailedWithReasonIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *X402ExactPermit2ProxyEIP2612PermitFailedWithReasonIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// X402ExactPermit2ProxyEIP2612PermitFailedWithReason represents a EIP2612PermitFailedWithReason event raised by the X402ExactPermit2Proxy contract.
type X402ExactPermit2ProxyEIP2612PermitFailedWithReason struct {
	Token  common.Address
	Owner  common.Address
	Reason string
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterEIP2612PermitFailedWithReason is a free log retrieval operation binding the contract event 0x0fea7e5a0e14e9f700b9b0666ffd524bacb9ceb9e6234ea2bfb8e1d0ee2365e7.
//
// Solidity: event EIP2612PermitFailedWithReason(address indexed token, address indexed owner, string reason)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyFilterer) FilterEIP2612PermitFailedWithReason(opts *bind.FilterOpts, token []common.Address, owner []common.Address) (*X402ExactPermit2ProxyEIP2612PermitFailedWithReasonIterator, error) {

	var tokenRule []interface{}
	for _, tokenItem := range token {
		tokenRule = append(tokenRule, tokenItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _X402ExactPermit2Proxy.contract.FilterLogs(opts, "EIP2612PermitFailedWithReason", tokenRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return &X402ExactPermit2ProxyEIP2612PermitFailedWithReasonIterator{contract: _X402ExactPermit2Proxy.contract, event: "EIP2612PermitFailedWithReason", logs: logs, sub: sub}, nil
}

// WatchEIP2612PermitFailedWithReason is a free log subscription operation binding the contract event 0x0fea7e5a0e14e9f700b9b0666ffd524bacb9ceb9e6234ea2bfb8e1d0ee2365e7.
//
// Solidity: event EIP2612PermitFailedWithReason(address indexed token, address indexed owner, string reason)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyFilterer) WatchEIP2612PermitFailedWithReason(opts *bind.WatchOpts, sink chan<- *X402ExactPermit2ProxyEIP2612PermitFailedWithReason, token []common.Address, owner []common.Address) (event.Subscription, error) {

	var tokenRule []interface{}
	for _, tokenItem := range token {
		tokenRule = append(tokenRule, tokenItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _X402ExactPermit2Proxy.contract.WatchLogs(opts, "EIP2612PermitFailedWithReason", tokenRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(X402ExactPermit2ProxyEIP2612PermitFailedWithReason)
				if err := _X402ExactPermit2Proxy.contract.UnpackLog(event, "EIP2612PermitFailedWithReason", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseEIP2612PermitFailedWithReason is a log parse operation binding the contract event 0x0fea7e5a0e14e9f700b9b0666ffd524bacb9ceb9e6234ea2bfb8e1d0ee2365e7.
//
// Solidity: event EIP2612PermitFailedWithReason(address indexed token, address indexed owner, string reason)
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyFilterer) ParseEIP2612PermitFailedWithReason(log types.Log) (*X402ExactPermit2ProxyEIP2612PermitFailedWithReason, error) {
	event := new(X402ExactPermit2ProxyEIP2612PermitFailedWithReason)
	if err := _X402ExactPermit2Proxy.contract.UnpackLog(event, "EIP2612PermitFailedWithReason", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// X402ExactPermit2ProxySettledIterator is returned from FilterSettled and is used to iterate over the raw logs and unpacked data for Settled events raised by the X402ExactPermit2Proxy contract.
type X402ExactPermit2ProxySettledIterator struct {
	Event *X402ExactPermit2ProxySettled // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *X402ExactPermit2ProxySettledIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(X402ExactPermit2ProxySettled)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(X402ExactPermit2ProxySettled)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *X402ExactPermit2ProxySettledIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *X402ExactPermit2ProxySettledIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// X402ExactPermit2ProxySettled represents a Settled event raised by the X402ExactPermit2Proxy contract.
type X402ExactPermit2ProxySettled struct {
	Raw types.Log // Blockchain specific contextual infos
}

// FilterSettled is a free log retrieval operation binding the contract event 0x97088ec3606cfe8cc112180570d03fcde05f9b8e1bfef8e27784eaf5dd5691b6.
//
// Solidity: event Settled()
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyFilterer) FilterSettled(opts *bind.FilterOpts) (*X402ExactPermit2ProxySettledIterator, error) {

	logs, sub, err := _X402ExactPermit2Proxy.contract.FilterLogs(opts, "Settled")
	if err != nil {
		return nil, err
	}
	return &X402ExactPermit2ProxySettledIterator{contract: _X402ExactPermit2Proxy.contract, event: "Settled", logs: logs, sub: sub}, nil
}

// WatchSettled is a free log subscription operation binding the contract event 0x97088ec3606cfe8cc112180570d03fcde05f9b8e1bfef8e27784eaf5dd5691b6.
//
// Solidity: event Settled()
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyFilterer) WatchSettled(opts *bind.WatchOpts, sink chan<- *X402ExactPermit2ProxySettled) (event.Subscription, error) {

	logs, sub, err := _X402ExactPermit2Proxy.contract.WatchLogs(opts, "Settled")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(X402ExactPermit2ProxySettled)
				if err := _X402ExactPermit2Proxy.contract.UnpackLog(event, "Settled", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseSettled is a log parse operation binding the contract event 0x97088ec3606cfe8cc112180570d03fcde05f9b8e1bfef8e27784eaf5dd5691b6.
//
// Solidity: event Settled()
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyFilterer) ParseSettled(log types.Log) (*X402ExactPermit2ProxySettled, error) {
	event := new(X402ExactPermit2ProxySettled)
	if err := _X402ExactPermit2Proxy.contract.UnpackLog(event, "Settled", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// X402ExactPermit2ProxySettledWithPermitIterator is returned from FilterSettledWithPermit and is used to iterate over the raw logs and unpacked data for SettledWithPermit events raised by the X402ExactPermit2Proxy contract.
type X402ExactPermit2ProxySettledWithPermitIterator struct {
	Event *X402ExactPermit2ProxySettledWithPermit // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *X402ExactPermit2ProxySettledWithPermitIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(X402ExactPermit2ProxySettledWithPermit)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(X402ExactPermit2ProxySettledWithPermit)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *X402ExactPermit2ProxySettledWithPermitIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *X402ExactPermit2ProxySettledWithPermitIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// X402ExactPermit2ProxySettledWithPermit represents a SettledWithPermit event raised by the X402ExactPermit2Proxy contract.
type X402ExactPermit2ProxySettledWithPermit struct {
	Raw types.Log // Blockchain specific contextual infos
}

// FilterSettledWithPermit is a free log retrieval operation binding the contract event 0xde5b89d10fc800c459329c382fabfcad0be0ed7e5328e01fae04e507b09ef5d8.
//
// Solidity: event SettledWithPermit()
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyFilterer) FilterSettledWithPermit(opts *bind.FilterOpts) (*X402ExactPermit2ProxySettledWithPermitIterator, error) {

	logs, sub, err := _X402ExactPermit2Proxy.contract.FilterLogs(opts, "SettledWithPermit")
	if err != nil {
		return nil, err
	}
	return &X402ExactPermit2ProxySettledWithPermitIterator{contract: _X402ExactPermit2Proxy.contract, event: "SettledWithPermit", logs: logs, sub: sub}, nil
}

// WatchSettledWithPermit is a free log subscription operation binding the contract event 0xde5b89d10fc800c459329c382fabfcad0be0ed7e5328e01fae04e507b09ef5d8.
//
// Solidity: event SettledWithPermit()
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyFilterer) WatchSettledWithPermit(opts *bind.WatchOpts, sink chan<- *X402ExactPermit2ProxySettledWithPermit) (event.Subscription, error) {

	logs, sub, err := _X402ExactPermit2Proxy.contract.WatchLogs(opts, "SettledWithPermit")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(X402ExactPermit2ProxySettledWithPermit)
				if err := _X402ExactPermit2Proxy.contract.UnpackLog(event, "SettledWithPermit", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseSettledWithPermit is a log parse operation binding the contract event 0xde5b89d10fc800c459329c382fabfcad0be0ed7e5328e01fae04e507b09ef5d8.
//
// Solidity: event SettledWithPermit()
func (_X402ExactPermit2Proxy *X402ExactPermit2ProxyFilterer) ParseSettledWithPermit(log types.Log) (*X402ExactPermit2ProxySettledWithPermit, error) {
	event := new(X402ExactPermit2ProxySettledWithPermit)
	if err := _X402ExactPermit2Proxy.contract.UnpackLog(event, "SettledWithPermit", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
