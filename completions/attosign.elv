
use builtin;
use str;

set edit:completion:arg-completer[attosign] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'attosign'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'attosign'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand keys 'Manage the encrypted keystore'
            cand address 'Validate an address or public key, and convert between them'
            cand inspect 'Show a block or transaction (JSON or hex bytes) for people'
            cand verify 'Check hash, signature, proof of work and block rules; exit 3 if any fails'
            cand work 'Add proof of work to a block, or find a nonce for a target'
            cand bench 'Measure the proof-of-work hash rate'
            cand qr 'Show transactions as QR codes: terminal by default, or PNG/SVG files'
            cand decode 'Turn scanned QR texts (ATTO:TX:…) back into transaction JSON, for the online side'
            cand completions 'Print shell completions'
            cand man 'Print the man page, or write all man pages to a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'attosign;keys'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand new 'Create a keystore from a fresh 24-word mnemonic, shown once for a paper backup'
            cand import 'Create a keystore from an existing mnemonic or raw private key'
            cand list 'List addresses and public keys'
            cand show 'Show one account'
            cand export-watch 'Public keys and addresses only, for the online machine'
            cand label 'Set or clear the label of an index'
            cand passwd 'Re-encrypt the keystore with a new passphrase or identity'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'attosign;keys;new'= {
            cand --bip39-passphrase-file 'Read an optional BIP39 passphrase from this file ("-" = stdin)'
            cand --work-factor 'scrypt cost (log2) when encrypting with a passphrase [default: age''s ~1 s calibration]'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --show-mnemonic 'Print the 24 words on stdout (one line) for scripted setups'
            cand --force 'Overwrite an existing keystore'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;keys;import'= {
            cand --mnemonic-file 'Read the 24-word mnemonic from this file ("-" = stdin) instead of prompting'
            cand --bip39-passphrase-file 'Read an optional BIP39 passphrase from this file ("-" = stdin)'
            cand --private-key-file 'Import a raw Ed25519 private key (hex, 32 bytes or 33 with a leading 00)'
            cand --work-factor 'scrypt cost (log2) when encrypting with a passphrase [default: age''s ~1 s calibration]'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --force 'Overwrite an existing keystore'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;keys;list'= {
            cand --count 'How many indexes, starting at 0'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;keys;show'= {
            cand --index 'Key index (0 to 2147483647)'
            cand --amount 'Amount the payment request asks for, in atto (with --qr)'
            cand --png 'Write PNG images instead of terminal text; several codes go to PATH-1.png, PATH-2.png, …'
            cand --svg 'Write SVG images instead of terminal text; several codes go to PATH-1.svg, PATH-2.svg, …'
            cand --module-size 'Pixels per module in PNG and SVG images'
            cand --error-correction 'Error-correction level'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --qr 'Show the address as a QR payment request (atto://ADDRESS?amount=RAW) for a phone wallet'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;keys;export-watch'= {
            cand --count 'How many indexes, starting at 0'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;keys;label'= {
            cand --index 'Key index (0 to 2147483647)'
            cand --work-factor 'scrypt cost (log2) when re-encrypting [default: age''s ~1 s calibration]'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;keys;passwd'= {
            cand --new-passphrase-file 'Read the new passphrase from this file ("-" = stdin) instead of prompting'
            cand --new-identity 'Encrypt to this age identity file''s recipient instead of a passphrase'
            cand --work-factor 'scrypt cost (log2) for the new passphrase [default: age''s ~1 s calibration]'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;keys;help'= {
            cand new 'Create a keystore from a fresh 24-word mnemonic, shown once for a paper backup'
            cand import 'Create a keystore from an existing mnemonic or raw private key'
            cand list 'List addresses and public keys'
            cand show 'Show one account'
            cand export-watch 'Public keys and addresses only, for the online machine'
            cand label 'Set or clear the label of an index'
            cand passwd 'Re-encrypt the keystore with a new passphrase or identity'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'attosign;keys;help;new'= {
        }
        &'attosign;keys;help;import'= {
        }
        &'attosign;keys;help;list'= {
        }
        &'attosign;keys;help;show'= {
        }
        &'attosign;keys;help;export-watch'= {
        }
        &'attosign;keys;help;label'= {
        }
        &'attosign;keys;help;passwd'= {
        }
        &'attosign;keys;help;help'= {
        }
        &'attosign;address'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;inspect'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;verify'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;work'= {
            cand --target 'Find a nonce for this 32-byte target (hex) instead of a file'
            cand --network 'Network of the target: live, beta, dev or local'
            cand --timestamp 'Timestamp of the block (epoch milliseconds or RFC 3339); sets the threshold'
            cand --nonce 'Attach this nonce (16 hex digits, found elsewhere) after checking it'
            cand --kernel 'Proof-of-work kernel'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;bench'= {
            cand --seconds 'Seconds to measure'
            cand --kernel 'Proof-of-work kernel'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;qr'= {
            cand --png 'Write PNG images instead of terminal text; several codes go to PATH-1.png, PATH-2.png, …'
            cand --svg 'Write SVG images instead of terminal text; several codes go to PATH-1.svg, PATH-2.svg, …'
            cand --module-size 'Pixels per module in PNG and SVG images'
            cand --error-correction 'Error-correction level'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;decode'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;completions'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;man'= {
            cand --out-dir 'Write attosign.1 and one page per subcommand into this directory'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;help'= {
            cand keys 'Manage the encrypted keystore'
            cand address 'Validate an address or public key, and convert between them'
            cand inspect 'Show a block or transaction (JSON or hex bytes) for people'
            cand verify 'Check hash, signature, proof of work and block rules; exit 3 if any fails'
            cand work 'Add proof of work to a block, or find a nonce for a target'
            cand bench 'Measure the proof-of-work hash rate'
            cand qr 'Show transactions as QR codes: terminal by default, or PNG/SVG files'
            cand decode 'Turn scanned QR texts (ATTO:TX:…) back into transaction JSON, for the online side'
            cand completions 'Print shell completions'
            cand man 'Print the man page, or write all man pages to a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'attosign;help;keys'= {
            cand new 'Create a keystore from a fresh 24-word mnemonic, shown once for a paper backup'
            cand import 'Create a keystore from an existing mnemonic or raw private key'
            cand list 'List addresses and public keys'
            cand show 'Show one account'
            cand export-watch 'Public keys and addresses only, for the online machine'
            cand label 'Set or clear the label of an index'
            cand passwd 'Re-encrypt the keystore with a new passphrase or identity'
        }
        &'attosign;help;keys;new'= {
        }
        &'attosign;help;keys;import'= {
        }
        &'attosign;help;keys;list'= {
        }
        &'attosign;help;keys;show'= {
        }
        &'attosign;help;keys;export-watch'= {
        }
        &'attosign;help;keys;label'= {
        }
        &'attosign;help;keys;passwd'= {
        }
        &'attosign;help;address'= {
        }
        &'attosign;help;inspect'= {
        }
        &'attosign;help;verify'= {
        }
        &'attosign;help;work'= {
        }
        &'attosign;help;bench'= {
        }
        &'attosign;help;qr'= {
        }
        &'attosign;help;decode'= {
        }
        &'attosign;help;completions'= {
        }
        &'attosign;help;man'= {
        }
        &'attosign;help;help'= {
        }
    ]
    $completions[$command]
}
