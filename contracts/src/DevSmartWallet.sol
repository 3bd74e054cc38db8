// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title DevSmartWallet
/// @notice A minimal EIP-1271 smart-contract wallet for tests and the dev
/// chain: one owner (an EOA) signs for it, and only the owner may make it
/// call other contracts. Not placed in genesis: tests deploy it.
/// @dev Written from EIP-1271: isValidSignature(hash, signature) returns the
/// magic value 0x1626ba7e (the function's selector) when the signature is
/// valid for the wallet, and 0xffffffff otherwise. A signature is valid when
/// it is a 65-byte r||s||v ECDSA signature of `hash` itself (no prefix) by
/// the owner, with v in {27, 28} and s in the lower half of the curve order.
contract DevSmartWallet {
    /// @notice The EOA that signs for, and controls, the wallet.
    address public owner;

    bytes4 internal constant MAGIC_VALUE = 0x1626ba7e; // bytes4(keccak256("isValidSignature(bytes32,bytes)"))
    bytes4 internal constant INVALID = 0xffffffff;
    uint256 internal constant HALF_ORDER = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    event Initialized(address indexed owner);
    event Executed(address indexed to, uint256 value, bytes data);

    error NotOwner();
    error AlreadyInitialized();
    error ZeroOwner();
    error CallFailed(bytes reason);

    /// @param owner_ The owner, or the zero address to set it later with init.
    constructor(address owner_) {
        if (owner_ != address(0)) {
            owner = owner_;
            emit Initialized(owner_);
        }
    }

    /// @notice Sets the owner of a wallet deployed without one (once).
    function init(address owner_) external {
        if (owner != address(0)) revert AlreadyInitialized();
        if (owner_ == address(0)) revert ZeroOwner();
        owner = owner_;
        emit Initialized(owner_);
    }

    /// @notice EIP-1271: whether `signature` is the wallet's signature of `hash`.
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        if (signature.length != 65) return INVALID;
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        if (uint256(s) > HALF_ORDER || (v != 27 && v != 28)) return INVALID;
        address signer = ecrecover(hash, v, r, s);
        if (signer == address(0) || signer != owner) return INVALID;
        return MAGIC_VALUE;
    }

    /// @notice Calls `to` with `value` wei and `data`; only the owner may.
    function execute(address to, uint256 value, bytes calldata data) external returns (bytes memory) {
        if (msg.sender != owner) revert NotOwner();
        (bool ok, bytes memory ret) = to.call{value: value}(data);
        if (!ok) revert CallFailed(ret);
        emit Executed(to, value, data);
        return ret;
    }

    receive() external payable {}
}
