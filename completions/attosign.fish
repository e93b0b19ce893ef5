# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_attosign_global_optspecs
    string join \n keystore= passphrase-file= identity= yes threads= q/quiet json h/help V/version
end

function __fish_attosign_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_attosign_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_attosign_using_subcommand
    set -l cmd (__fish_attosign_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c attosign -n "__fish_attosign_needs_command" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_needs_command" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_needs_command" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_needs_command" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_needs_command" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_needs_command" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_needs_command" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c attosign -n "__fish_attosign_needs_command" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "keys" -d 'Manage the encrypted keystore'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "address" -d 'Validate an address or public key, and convert between them'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "inspect" -d 'Show a block or transaction (JSON or hex bytes) for people'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "verify" -d 'Check hash, signature, proof of work and block rules; exit 3 if any fails'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "work" -d 'Add proof of work to a block, or find a nonce for a target'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "bench" -d 'Measure the proof-of-work hash rate'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "qr" -d 'Show transactions as QR codes: terminal by default, or PNG/SVG files'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "decode" -d 'Turn scanned QR texts (ATTO:TX:…) back into transaction JSON, for the online side'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "man" -d 'Print the man page, or write all man pages to a directory'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -f -a "new" -d 'Create a keystore from a fresh 24-word mnemonic, shown once for a paper backup'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -f -a "import" -d 'Create a keystore from an existing mnemonic or raw private key'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -f -a "list" -d 'List addresses and public keys'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -f -a "show" -d 'Show one account'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -f -a "export-watch" -d 'Public keys and addresses only, for the online machine'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -f -a "label" -d 'Set or clear the label of an index'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -f -a "passwd" -d 'Re-encrypt the keystore with a new passphrase or identity'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l bip39-passphrase-file -d 'Read an optional BIP39 passphrase from this file ("-" = stdin)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l work-factor -d 'scrypt cost (log2) when encrypting with a passphrase [default: age\'s ~1 s calibration]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l show-mnemonic -d 'Print the 24 words on stdout (one line) for scripted setups'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l force -d 'Overwrite an existing keystore'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l mnemonic-file -d 'Read the 24-word mnemonic from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l bip39-passphrase-file -d 'Read an optional BIP39 passphrase from this file ("-" = stdin)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l private-key-file -d 'Import a raw Ed25519 private key (hex, 32 bytes or 33 with a leading 00)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l work-factor -d 'scrypt cost (log2) when encrypting with a passphrase [default: age\'s ~1 s calibration]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l force -d 'Overwrite an existing keystore'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l count -d 'How many indexes, starting at 0' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l index -d 'Key index (0 to 2147483647)' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l amount -d 'Amount the payment request asks for, in atto (with --qr)' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l png -d 'Write PNG images instead of terminal text; several codes go to PATH-1.png, PATH-2.png, …' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l svg -d 'Write SVG images instead of terminal text; several codes go to PATH-1.svg, PATH-2.svg, …' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l module-size -d 'Pixels per module in PNG and SVG images' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l error-correction -d 'Error-correction level' -r -f -a "l\t'About 7% of the code may be damaged'
m\t'About 15%'
q\t'About 25%'
h\t'About 30%'"
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l qr -d 'Show the address as a QR payment request (atto://ADDRESS?amount=RAW) for a phone wallet'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l count -d 'How many indexes, starting at 0' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l index -d 'Key index (0 to 2147483647)' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l work-factor -d 'scrypt cost (log2) when re-encrypting [default: age\'s ~1 s calibration]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l new-passphrase-file -d 'Read the new passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l new-identity -d 'Encrypt to this age identity file\'s recipient instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l work-factor -d 'scrypt cost (log2) for the new passphrase [default: age\'s ~1 s calibration]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "new" -d 'Create a keystore from a fresh 24-word mnemonic, shown once for a paper backup'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "import" -d 'Create a keystore from an existing mnemonic or raw private key'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "list" -d 'List addresses and public keys'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one account'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "export-watch" -d 'Public keys and addresses only, for the online machine'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "label" -d 'Set or clear the label of an index'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "passwd" -d 'Re-encrypt the keystore with a new passphrase or identity'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand address" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand address" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand address" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand address" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand address" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand address" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand address" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand address" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand address" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand verify" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand verify" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand verify" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand work" -l target -d 'Find a nonce for this 32-byte target (hex) instead of a file' -r
complete -c attosign -n "__fish_attosign_using_subcommand work" -l network -d 'Network of the target: live, beta, dev or local' -r
complete -c attosign -n "__fish_attosign_using_subcommand work" -l timestamp -d 'Timestamp of the block (epoch milliseconds or RFC 3339); sets the threshold' -r
complete -c attosign -n "__fish_attosign_using_subcommand work" -l nonce -d 'Attach this nonce (16 hex digits, found elsewhere) after checking it' -r
complete -c attosign -n "__fish_attosign_using_subcommand work" -l kernel -d 'Proof-of-work kernel' -r -f -a "auto\t''
portable\t''
avx2\t''
avx512\t''
neon\t''"
complete -c attosign -n "__fish_attosign_using_subcommand work" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand work" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand work" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand work" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand work" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand work" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand work" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand work" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand work" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l seconds -d 'Seconds to measure' -r
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l kernel -d 'Proof-of-work kernel' -r -f -a "auto\t''
portable\t''
avx2\t''
avx512\t''
neon\t''"
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand bench" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand bench" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand bench" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l png -d 'Write PNG images instead of terminal text; several codes go to PATH-1.png, PATH-2.png, …' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l svg -d 'Write SVG images instead of terminal text; several codes go to PATH-1.svg, PATH-2.svg, …' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l module-size -d 'Pixels per module in PNG and SVG images' -r
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l error-correction -d 'Error-correction level' -r -f -a "l\t'About 7% of the code may be damaged'
m\t'About 15%'
q\t'About 25%'
h\t'About 30%'"
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand qr" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand qr" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c attosign -n "__fish_attosign_using_subcommand qr" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand decode" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand decode" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand decode" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand decode" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand decode" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand decode" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand decode" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand decode" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand decode" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand completions" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand completions" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand completions" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand completions" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand completions" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand completions" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand completions" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand completions" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand completions" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand man" -l out-dir -d 'Write attosign.1 and one page per subcommand into this directory' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand man" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand man" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand man" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand man" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand man" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand man" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand man" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand man" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand man" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys address inspect verify work bench qr decode completions man help" -f -a "keys" -d 'Manage the encrypted keystore'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys address inspect verify work bench qr decode completions man help" -f -a "address" -d 'Validate an address or public key, and convert between them'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys address inspect verify work bench qr decode completions man help" -f -a "inspect" -d 'Show a block or transaction (JSON or hex bytes) for people'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys address inspect verify work bench qr decode completions man help" -f -a "verify" -d 'Check hash, signature, proof of work and block rules; exit 3 if any fails'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys address inspect verify work bench qr decode completions man help" -f -a "work" -d 'Add proof of work to a block, or find a nonce for a target'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys address inspect verify work bench qr decode completions man help" -f -a "bench" -d 'Measure the proof-of-work hash rate'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys address inspect verify work bench qr decode completions man help" -f -a "qr" -d 'Show transactions as QR codes: terminal by default, or PNG/SVG files'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys address inspect verify work bench qr decode completions man help" -f -a "decode" -d 'Turn scanned QR texts (ATTO:TX:…) back into transaction JSON, for the online side'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys address inspect verify work bench qr decode completions man help" -f -a "completions" -d 'Print shell completions'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys address inspect verify work bench qr decode completions man help" -f -a "man" -d 'Print the man page, or write all man pages to a directory'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys address inspect verify work bench qr decode completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "new" -d 'Create a keystore from a fresh 24-word mnemonic, shown once for a paper backup'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "import" -d 'Create a keystore from an existing mnemonic or raw private key'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "list" -d 'List addresses and public keys'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "show" -d 'Show one account'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "export-watch" -d 'Public keys and addresses only, for the online machine'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "label" -d 'Set or clear the label of an index'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "passwd" -d 'Re-encrypt the keystore with a new passphrase or identity'
