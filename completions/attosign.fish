# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_attosign_global_optspecs
    string join \n keystore= passphrase-file= identity= yes threads= q/quiet json journal= h/help V/version
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

complete -c attosign -n "__fish_attosign_needs_command" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_needs_command" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_needs_command" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_needs_command" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_needs_command" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_needs_command" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_needs_command" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_needs_command" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c attosign -n "__fish_attosign_needs_command" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "keys" -d 'Manage the encrypted keystore'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "book" -d 'The address book kept in the keystore: known destinations and their labels'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "policy" -d 'The signing policy kept in the keystore: allowed destinations and amount limits'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "address" -d 'Validate an address or public key, and convert between them'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "inspect" -d 'Show a block or transaction (JSON or hex bytes) for people'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "verify" -d 'Check hash, signature, proof of work and block rules; exit 3 if any fails'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "send" -d 'Build, review, sign and work a SEND in one step'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "receive" -d 'Build, review, sign and work a RECEIVE in one step'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "open" -d 'Build, review, sign and work an OPEN (an account\'s first block) in one step'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "change" -d 'Build, review, sign and work a CHANGE of representative in one step'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "build" -d 'Build the next block from state files, unsigned (needs no keystore)'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "sign" -d 'Sign a block after review and confirmation: prints {"block","signature"}'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "work" -d 'Add proof of work to a block, or find a nonce for a target'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "work-request" -d 'Print the work server\'s POST /works bodies for the blocks in a file'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "bench" -d 'Measure the proof-of-work hash rate'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "journal" -d 'What was signed: account, height, hash, intent and state'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "qr" -d 'Show transactions as QR codes: terminal by default, or PNG/SVG files'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "decode" -d 'Turn scanned QR texts (ATTO:TX:…) back into transaction JSON, for the online side'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "man" -d 'Print the man page, or write all man pages to a directory'
complete -c attosign -n "__fish_attosign_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -f -a "new" -d 'Create a keystore from a fresh 24-word mnemonic, shown once for a paper backup'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -f -a "import" -d 'Create a keystore from an existing mnemonic or raw private key'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -f -a "list" -d 'List addresses and public keys'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -f -a "show" -d 'Show one account'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -f -a "export-watch" -d 'Public keys and addresses only, for the online machine'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -f -a "label" -d 'Set or clear the label of an index'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -f -a "passwd" -d 'Re-encrypt the keystore with a new passphrase or identity'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -f -a "check-backup" -d 'Check the paper backup (recovery words, BIP39 passphrase) against the keystore; writes nothing'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and not __fish_seen_subcommand_from new import list show export-watch label passwd check-backup help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l bip39-passphrase-file -d 'Read an optional BIP39 passphrase from this file ("-" = stdin)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l work-factor -d 'scrypt cost (log2) when encrypting with a passphrase [default: age\'s ~1 s calibration]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from new" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
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
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l force -d 'Overwrite an existing keystore'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l count -d 'How many indexes, starting at 0' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l index -d 'Key index (0 to 2147483647)' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l amount -d 'Amount the payment request asks for, in atto (with --qr)' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l png -d 'Write PNG images instead of terminal text: out.png for one code, several (or any number for a PATH without an extension, such as outbox) go to PATH-1.png, PATH-2.png, …' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l svg -d 'Write SVG images instead of terminal text: out.svg for one code, several (or any number for a PATH without an extension) go to PATH-1.svg, PATH-2.svg, …' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l module-size -d 'Pixels per module in PNG and SVG images, 2 to 64 (zbar read no code drawn at 1)' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l error-correction -d 'Error-correction level' -r -f -a "l\t'About 7% of the code may be damaged'
m\t'About 15%'
q\t'About 25%'
h\t'About 30%'"
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l qr -d 'Show the address as a QR payment request (atto://ADDRESS?amount=RAW) for a phone wallet'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l count -d 'How many indexes, starting at 0' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from export-watch" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l index -d 'Key index (0 to 2147483647)' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l work-factor -d 'scrypt cost (log2) when re-encrypting [default: the keystore\'s own work factor]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from label" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l new-passphrase-file -d 'Read the new passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l new-identity -d 'Encrypt to this age identity file\'s recipient instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l work-factor -d 'scrypt cost (log2) for the new passphrase [default: age\'s ~1 s calibration]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from passwd" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from check-backup" -l mnemonic-file -d 'Read the recovery words from this file ("-" = stdin) instead of prompting (hidden)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from check-backup" -l bip39-passphrase-file -d 'Read the BIP39 passphrase of the backup from this file ("-" = stdin)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from check-backup" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from check-backup" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from check-backup" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from check-backup" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from check-backup" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from check-backup" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from check-backup" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from check-backup" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from check-backup" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from check-backup" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "new" -d 'Create a keystore from a fresh 24-word mnemonic, shown once for a paper backup'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "import" -d 'Create a keystore from an existing mnemonic or raw private key'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "list" -d 'List addresses and public keys'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one account'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "export-watch" -d 'Public keys and addresses only, for the online machine'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "label" -d 'Set or clear the label of an index'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "passwd" -d 'Re-encrypt the keystore with a new passphrase or identity'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "check-backup" -d 'Check the paper backup (recovery words, BIP39 passphrase) against the keystore; writes nothing'
complete -c attosign -n "__fish_attosign_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -f -a "add" -d 'Add an address to the book, or give one already there a new label'
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -f -a "remove" -d 'Remove an address from the book'
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -f -a "list" -d 'List the book (--json: an array of {"address","label"})'
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -f -a "import" -d 'Add or relabel every address of a CSV file (address,label), reviewed and confirmed once'
complete -c attosign -n "__fish_attosign_using_subcommand book; and not __fish_seen_subcommand_from add remove list import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from add" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from add" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from add" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from add" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from add" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from add" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from add" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from remove" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from remove" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from remove" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from remove" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from remove" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from remove" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from remove" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from list" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from list" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from list" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from list" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from list" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from list" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from import" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from import" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from import" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from import" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from import" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from import" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from import" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add an address to the book, or give one already there a new label'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove an address from the book'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the book (--json: an array of {"address","label"})'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from help" -f -a "import" -d 'Add or relabel every address of a CSV file (address,label), reviewed and confirmed once'
complete -c attosign -n "__fish_attosign_using_subcommand book; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -f -a "show" -d 'Show the policy (--json: {"default":{…},"indexes":{"3":{…}}}, amounts in atto)'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -f -a "set" -d 'Change the rules of one index, or the default for every index without its own'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and not __fish_seen_subcommand_from show set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from show" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from show" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from show" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from show" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from show" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from show" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -l index -d 'The index whose own rules change [default: the default, for every index without its own]' -r
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -l destinations -d 'Which receivers a send may pay' -r -f -a "any\t'Any address'
book\t'Only addresses in the address book'"
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -l max-per-transaction -d 'The most one send may move, in atto, or "none"' -r
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -l max-per-day -d 'The most the account may send in any 24 hours, in atto, or "none"' -r
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -l reset -d 'Remove the index\'s own rules, so the default governs it again'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the policy (--json: {"default":{…},"indexes":{"3":{…}}}, amounts in atto)'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change the rules of one index, or the default for every index without its own'
complete -c attosign -n "__fish_attosign_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand address" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand address" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand address" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand address" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand address" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand address" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand address" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand address" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand address" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand address" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand inspect" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l account -d 'The account\'s state before the transaction: check the ledger rules too' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l receivable -d 'The receivable a RECEIVE or OPEN claims: check it too' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand verify" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand verify" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand verify" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand verify" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand send" -l account -d 'The account\'s state: the node\'s GET /accounts/{publicKey} JSON ("-" = stdin)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand send" -l to -d 'Receiver: an atto:// address or a payment request (atto://…?amount=RAW)' -r
complete -c attosign -n "__fish_attosign_using_subcommand send" -l amount -d 'Amount in atto (12.5, at most 9 decimals), raw units with --raw, or "all"' -r
complete -c attosign -n "__fish_attosign_using_subcommand send" -l batch -d 'A payout file: CSV address,amount[,intent] or NDJSON {"to","amount","intent"}; one chain, paid in the file\'s order' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand send" -l timestamp -d 'The (first) block\'s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain\'s later blocks follow 1 ms apart' -r
complete -c attosign -n "__fish_attosign_using_subcommand send" -l node-time -d 'The node\'s GET /instants answer saved with the state: refuses a clock that is behind' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand send" -l state-out -d 'Write the account\'s state after the chain (the node\'s account JSON), to continue offline without fetching it again' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand send" -l index -d 'Keystore index of the account\'s key [default: searched among 0-999]' -r
complete -c attosign -n "__fish_attosign_using_subcommand send" -l intent -d 'An id for this payment: the same intent with the same request prints the saved transaction again; with a different request it is refused (status 5)' -r
complete -c attosign -n "__fish_attosign_using_subcommand send" -l qr-png -d 'Also write the transactions as QR code PNGs: PATH for one when it has an extension (out.png); for several, or a PATH without one, PATH-1.png, PATH-2.png, …' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand send" -l kernel -d 'Proof-of-work kernel' -r -f -a "auto\t''
portable\t''
avx2\t''
avx512\t''
neon\t''"
complete -c attosign -n "__fish_attosign_using_subcommand send" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand send" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand send" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand send" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand send" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand send" -l raw -d '--amount is in raw units (1 atto = 10^9 raw)'
complete -c attosign -n "__fish_attosign_using_subcommand send" -l allow-repeat -d 'Sign a payout file that was already signed on an earlier account state (with --batch)'
complete -c attosign -n "__fish_attosign_using_subcommand send" -l qr -d 'Also show the transactions as QR codes on stderr'
complete -c attosign -n "__fish_attosign_using_subcommand send" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand send" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand send" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand send" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand send" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l account -d 'The account\'s state: the node\'s GET /accounts/{publicKey} JSON ("-" = stdin)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l receivable -d 'The receivable(s): the node\'s JSON, one per line for several ("-" = stdin)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l timestamp -d 'The (first) block\'s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain\'s later blocks follow 1 ms apart' -r
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l node-time -d 'The node\'s GET /instants answer saved with the state: refuses a clock that is behind' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l state-out -d 'Write the account\'s state after the chain (the node\'s account JSON), to continue offline without fetching it again' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l index -d 'Keystore index of the account\'s key [default: searched among 0-999]' -r
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l intent -d 'An id for this payment: the same intent with the same request prints the saved transaction again; with a different request it is refused (status 5)' -r
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l qr-png -d 'Also write the transactions as QR code PNGs: PATH for one when it has an extension (out.png); for several, or a PATH without one, PATH-1.png, PATH-2.png, …' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l kernel -d 'Proof-of-work kernel' -r -f -a "auto\t''
portable\t''
avx2\t''
avx512\t''
neon\t''"
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l qr -d 'Also show the transactions as QR codes on stderr'
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand receive" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand receive" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand receive" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand receive" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand open" -l receivable -d 'The receivable(s): the first opens the account, the rest are received in the same chain; the node\'s JSON, one per line ("-" = stdin)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand open" -l representative -d 'The representative the new account delegates its weight to' -r
complete -c attosign -n "__fish_attosign_using_subcommand open" -l network -d 'Network, for receivables without a "network" field: live, beta, dev or local' -r
complete -c attosign -n "__fish_attosign_using_subcommand open" -l timestamp -d 'The (first) block\'s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain\'s later blocks follow 1 ms apart' -r
complete -c attosign -n "__fish_attosign_using_subcommand open" -l node-time -d 'The node\'s GET /instants answer saved with the state: refuses a clock that is behind' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand open" -l state-out -d 'Write the account\'s state after the chain (the node\'s account JSON), to continue offline without fetching it again' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand open" -l index -d 'Keystore index of the account\'s key [default: searched among 0-999]' -r
complete -c attosign -n "__fish_attosign_using_subcommand open" -l intent -d 'An id for this payment: the same intent with the same request prints the saved transaction again; with a different request it is refused (status 5)' -r
complete -c attosign -n "__fish_attosign_using_subcommand open" -l qr-png -d 'Also write the transactions as QR code PNGs: PATH for one when it has an extension (out.png); for several, or a PATH without one, PATH-1.png, PATH-2.png, …' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand open" -l kernel -d 'Proof-of-work kernel' -r -f -a "auto\t''
portable\t''
avx2\t''
avx512\t''
neon\t''"
complete -c attosign -n "__fish_attosign_using_subcommand open" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand open" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand open" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand open" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand open" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand open" -l qr -d 'Also show the transactions as QR codes on stderr'
complete -c attosign -n "__fish_attosign_using_subcommand open" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand open" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand open" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand open" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand open" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand change" -l account -d 'The account\'s state: the node\'s GET /accounts/{publicKey} JSON ("-" = stdin)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand change" -l representative -d 'The new representative' -r
complete -c attosign -n "__fish_attosign_using_subcommand change" -l timestamp -d 'The (first) block\'s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain\'s later blocks follow 1 ms apart' -r
complete -c attosign -n "__fish_attosign_using_subcommand change" -l node-time -d 'The node\'s GET /instants answer saved with the state: refuses a clock that is behind' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand change" -l state-out -d 'Write the account\'s state after the chain (the node\'s account JSON), to continue offline without fetching it again' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand change" -l index -d 'Keystore index of the account\'s key [default: searched among 0-999]' -r
complete -c attosign -n "__fish_attosign_using_subcommand change" -l intent -d 'An id for this payment: the same intent with the same request prints the saved transaction again; with a different request it is refused (status 5)' -r
complete -c attosign -n "__fish_attosign_using_subcommand change" -l qr-png -d 'Also write the transactions as QR code PNGs: PATH for one when it has an extension (out.png); for several, or a PATH without one, PATH-1.png, PATH-2.png, …' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand change" -l kernel -d 'Proof-of-work kernel' -r -f -a "auto\t''
portable\t''
avx2\t''
avx512\t''
neon\t''"
complete -c attosign -n "__fish_attosign_using_subcommand change" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand change" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand change" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand change" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand change" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand change" -l qr -d 'Also show the transactions as QR codes on stderr'
complete -c attosign -n "__fish_attosign_using_subcommand change" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand change" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand change" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand change" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand change" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -f -a "send" -d 'A SEND from the account\'s state'
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -f -a "receive" -d 'A RECEIVE of a receivable into an opened account'
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -f -a "open" -d 'The OPEN block of a new account, receiving its first receivable'
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -f -a "change" -d 'A CHANGE of the account\'s representative'
complete -c attosign -n "__fish_attosign_using_subcommand build; and not __fish_seen_subcommand_from send receive open change help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l account -d 'The account\'s state: the node\'s GET /accounts/{publicKey} JSON ("-" = stdin)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l to -d 'Receiver: an atto:// address or a payment request (atto://…?amount=RAW)' -r
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l amount -d 'Amount in atto (12.5, at most 9 decimals), raw units with --raw, or "all"' -r
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l batch -d 'A payout file: CSV address,amount[,intent] or NDJSON {"to","amount","intent"}; one chain, paid in the file\'s order' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l timestamp -d 'The (first) block\'s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain\'s later blocks follow 1 ms apart' -r
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l node-time -d 'The node\'s GET /instants answer saved with the state: refuses a clock that is behind' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l state-out -d 'Write the account\'s state after the chain (the node\'s account JSON), to continue offline without fetching it again' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l raw -d '--amount is in raw units (1 atto = 10^9 raw)'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from send" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -l account -d 'The account\'s state: the node\'s GET /accounts/{publicKey} JSON ("-" = stdin)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -l receivable -d 'The receivable(s): the node\'s JSON, one per line for several ("-" = stdin)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -l timestamp -d 'The (first) block\'s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain\'s later blocks follow 1 ms apart' -r
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -l node-time -d 'The node\'s GET /instants answer saved with the state: refuses a clock that is behind' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -l state-out -d 'Write the account\'s state after the chain (the node\'s account JSON), to continue offline without fetching it again' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from receive" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -l receivable -d 'The receivable(s): the first opens the account, the rest are received in the same chain; the node\'s JSON, one per line ("-" = stdin)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -l representative -d 'The representative the new account delegates its weight to' -r
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -l network -d 'Network, for receivables without a "network" field: live, beta, dev or local' -r
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -l timestamp -d 'The (first) block\'s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain\'s later blocks follow 1 ms apart' -r
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -l node-time -d 'The node\'s GET /instants answer saved with the state: refuses a clock that is behind' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -l state-out -d 'Write the account\'s state after the chain (the node\'s account JSON), to continue offline without fetching it again' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from open" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -l account -d 'The account\'s state: the node\'s GET /accounts/{publicKey} JSON ("-" = stdin)' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -l representative -d 'The new representative' -r
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -l timestamp -d 'The (first) block\'s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain\'s later blocks follow 1 ms apart' -r
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -l node-time -d 'The node\'s GET /instants answer saved with the state: refuses a clock that is behind' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -l state-out -d 'Write the account\'s state after the chain (the node\'s account JSON), to continue offline without fetching it again' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from change" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from help" -f -a "send" -d 'A SEND from the account\'s state'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from help" -f -a "receive" -d 'A RECEIVE of a receivable into an opened account'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from help" -f -a "open" -d 'The OPEN block of a new account, receiving its first receivable'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from help" -f -a "change" -d 'A CHANGE of the account\'s representative'
complete -c attosign -n "__fish_attosign_using_subcommand build; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand sign" -l account -d 'The account\'s state before the (first) block: check the ledger rules and show the full review' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand sign" -l receivable -d 'The receivable a RECEIVE or OPEN claims (NDJSON, one per RECEIVE/OPEN in chain order): check it and show the amount' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand sign" -l index -d 'Keystore index of the account\'s key [default: searched among 0-999]' -r
complete -c attosign -n "__fish_attosign_using_subcommand sign" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand sign" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand sign" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand sign" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand sign" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand sign" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand sign" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand sign" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand sign" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand sign" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand work" -l target -d 'Find a nonce for this 32-byte target (hex) instead of a file' -r
complete -c attosign -n "__fish_attosign_using_subcommand work" -l network -d 'Network of the target: live, beta, dev or local' -r
complete -c attosign -n "__fish_attosign_using_subcommand work" -l timestamp -d 'Timestamp of the block (epoch milliseconds or RFC 3339); sets the threshold' -r
complete -c attosign -n "__fish_attosign_using_subcommand work" -l nonce -d 'Attach this nonce (16 hex digits, found elsewhere) after checking it; with --target, check it and print it' -r
complete -c attosign -n "__fish_attosign_using_subcommand work" -l work-response -d 'Attach the work server\'s {"work"} answer (POST /works) after checking it' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand work" -l kernel -d 'Proof-of-work kernel' -r -f -a "auto\t''
portable\t''
avx2\t''
avx512\t''
neon\t''"
complete -c attosign -n "__fish_attosign_using_subcommand work" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand work" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand work" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand work" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand work" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand work" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand work" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand work" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand work" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand work" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand work-request" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand work-request" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand work-request" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand work-request" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand work-request" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand work-request" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand work-request" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand work-request" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand work-request" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand work-request" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l seconds -d 'Seconds to measure' -r
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l kernel -d 'Proof-of-work kernel' -r -f -a "auto\t''
portable\t''
avx2\t''
avx512\t''
neon\t''"
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand bench" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand bench" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand bench" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand bench" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and not __fish_seen_subcommand_from list void new help" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and not __fish_seen_subcommand_from list void new help" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and not __fish_seen_subcommand_from list void new help" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and not __fish_seen_subcommand_from list void new help" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand journal; and not __fish_seen_subcommand_from list void new help" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and not __fish_seen_subcommand_from list void new help" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and not __fish_seen_subcommand_from list void new help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and not __fish_seen_subcommand_from list void new help" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and not __fish_seen_subcommand_from list void new help" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and not __fish_seen_subcommand_from list void new help" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and not __fish_seen_subcommand_from list void new help" -f -a "list" -d 'List journal entries (needs no keystore or passphrase; --json for scripts)'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and not __fish_seen_subcommand_from list void new help" -f -a "void" -d 'Free a height whose block will never be published (its intent stays used)'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and not __fish_seen_subcommand_from list void new help" -f -a "new" -d 'Start a new journal deliberately, when the old one is lost (needs the passphrase)'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and not __fish_seen_subcommand_from list void new help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from list" -l account -d 'Only this account\'s entries (an atto:// address)' -r
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from list" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from list" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from list" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from list" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from list" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from list" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from void" -l account -d 'The account (an atto:// address)' -r
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from void" -l height -d 'The height whose journaled block is voided' -r
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from void" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from void" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from void" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from void" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from void" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from void" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from void" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from void" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from void" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from void" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from new" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from new" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from new" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from new" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from new" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from new" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from new" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from new" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from new" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from new" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from help" -f -a "list" -d 'List journal entries (needs no keystore or passphrase; --json for scripts)'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from help" -f -a "void" -d 'Free a height whose block will never be published (its intent stays used)'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from help" -f -a "new" -d 'Start a new journal deliberately, when the old one is lost (needs the passphrase)'
complete -c attosign -n "__fish_attosign_using_subcommand journal; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l png -d 'Write PNG images instead of terminal text: out.png for one code, several (or any number for a PATH without an extension, such as outbox) go to PATH-1.png, PATH-2.png, …' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l svg -d 'Write SVG images instead of terminal text: out.svg for one code, several (or any number for a PATH without an extension) go to PATH-1.svg, PATH-2.svg, …' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l module-size -d 'Pixels per module in PNG and SVG images, 2 to 64 (zbar read no code drawn at 1)' -r
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l error-correction -d 'Error-correction level' -r -f -a "l\t'About 7% of the code may be damaged'
m\t'About 15%'
q\t'About 25%'
h\t'About 30%'"
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand qr" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand qr" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand qr" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c attosign -n "__fish_attosign_using_subcommand qr" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand decode" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand decode" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand decode" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand decode" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand decode" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand decode" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand decode" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand decode" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand decode" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand decode" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand completions" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand completions" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand completions" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand completions" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand completions" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand completions" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand completions" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand completions" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand completions" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand completions" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand man" -l out-dir -d 'Write attosign.1 and one page per subcommand into this directory' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand man" -l keystore -d 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand man" -l passphrase-file -d 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand man" -l identity -d 'Use this age identity file instead of a passphrase' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand man" -l threads -d 'Worker threads for proof of work [default: all cores]' -r
complete -c attosign -n "__fish_attosign_using_subcommand man" -l journal -d 'Signing journal [default: the keystore\'s path with ".journal" appended]' -r -F
complete -c attosign -n "__fish_attosign_using_subcommand man" -l yes -d 'Answer yes to confirmations (needed when stdin is not a terminal)'
complete -c attosign -n "__fish_attosign_using_subcommand man" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c attosign -n "__fish_attosign_using_subcommand man" -l json -d 'Machine-readable output, and errors as {"error":{"code","message"}}'
complete -c attosign -n "__fish_attosign_using_subcommand man" -s h -l help -d 'Print help'
complete -c attosign -n "__fish_attosign_using_subcommand man" -s V -l version -d 'Print version'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "keys" -d 'Manage the encrypted keystore'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "book" -d 'The address book kept in the keystore: known destinations and their labels'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "policy" -d 'The signing policy kept in the keystore: allowed destinations and amount limits'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "address" -d 'Validate an address or public key, and convert between them'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "inspect" -d 'Show a block or transaction (JSON or hex bytes) for people'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "verify" -d 'Check hash, signature, proof of work and block rules; exit 3 if any fails'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "send" -d 'Build, review, sign and work a SEND in one step'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "receive" -d 'Build, review, sign and work a RECEIVE in one step'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "open" -d 'Build, review, sign and work an OPEN (an account\'s first block) in one step'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "change" -d 'Build, review, sign and work a CHANGE of representative in one step'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "build" -d 'Build the next block from state files, unsigned (needs no keystore)'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "sign" -d 'Sign a block after review and confirmation: prints {"block","signature"}'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "work" -d 'Add proof of work to a block, or find a nonce for a target'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "work-request" -d 'Print the work server\'s POST /works bodies for the blocks in a file'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "bench" -d 'Measure the proof-of-work hash rate'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "journal" -d 'What was signed: account, height, hash, intent and state'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "qr" -d 'Show transactions as QR codes: terminal by default, or PNG/SVG files'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "decode" -d 'Turn scanned QR texts (ATTO:TX:…) back into transaction JSON, for the online side'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "completions" -d 'Print shell completions'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "man" -d 'Print the man page, or write all man pages to a directory'
complete -c attosign -n "__fish_attosign_using_subcommand help; and not __fish_seen_subcommand_from keys book policy address inspect verify send receive open change build sign work work-request bench journal qr decode completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "new" -d 'Create a keystore from a fresh 24-word mnemonic, shown once for a paper backup'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "import" -d 'Create a keystore from an existing mnemonic or raw private key'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "list" -d 'List addresses and public keys'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "show" -d 'Show one account'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "export-watch" -d 'Public keys and addresses only, for the online machine'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "label" -d 'Set or clear the label of an index'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "passwd" -d 'Re-encrypt the keystore with a new passphrase or identity'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "check-backup" -d 'Check the paper backup (recovery words, BIP39 passphrase) against the keystore; writes nothing'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from book" -f -a "add" -d 'Add an address to the book, or give one already there a new label'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from book" -f -a "remove" -d 'Remove an address from the book'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from book" -f -a "list" -d 'List the book (--json: an array of {"address","label"})'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from book" -f -a "import" -d 'Add or relabel every address of a CSV file (address,label), reviewed and confirmed once'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "show" -d 'Show the policy (--json: {"default":{…},"indexes":{"3":{…}}}, amounts in atto)'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "set" -d 'Change the rules of one index, or the default for every index without its own'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from build" -f -a "send" -d 'A SEND from the account\'s state'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from build" -f -a "receive" -d 'A RECEIVE of a receivable into an opened account'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from build" -f -a "open" -d 'The OPEN block of a new account, receiving its first receivable'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from build" -f -a "change" -d 'A CHANGE of the account\'s representative'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from journal" -f -a "list" -d 'List journal entries (needs no keystore or passphrase; --json for scripts)'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from journal" -f -a "void" -d 'Free a height whose block will never be published (its intent stays used)'
complete -c attosign -n "__fish_attosign_using_subcommand help; and __fish_seen_subcommand_from journal" -f -a "new" -d 'Start a new journal deliberately, when the old one is lost (needs the passphrase)'
