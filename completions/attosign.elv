
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
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand keys 'Manage the encrypted keystore'
            cand book 'The address book kept in the keystore: known destinations and their labels'
            cand policy 'The signing policy kept in the keystore: allowed destinations and amount limits'
            cand address 'Validate an address or public key, and convert between them'
            cand inspect 'Show a block or transaction (JSON or hex bytes) for people'
            cand verify 'Check hash, signature, proof of work and block rules; exit 3 if any fails'
            cand send 'Build, review, sign and work a SEND in one step'
            cand receive 'Build, review, sign and work a RECEIVE in one step'
            cand open 'Build, review, sign and work an OPEN (an account''s first block) in one step'
            cand change 'Build, review, sign and work a CHANGE of representative in one step'
            cand build 'Build the next block from state files, unsigned (needs no keystore)'
            cand sign 'Sign a block after review and confirmation: prints {"block","signature"}'
            cand work 'Add proof of work to a block, or find a nonce for a target'
            cand work-request 'Print the work server''s POST /works bodies for the blocks in a file'
            cand bench 'Measure the proof-of-work hash rate'
            cand journal 'What was signed: account, height, hash, intent and state'
            cand qr 'Show transactions as QR codes: terminal by default, or PNG/SVG files'
            cand decode 'Turn scanned QR texts (ATTO:TX:…) back into transaction JSON, for the online side'
            cand completions 'Print shell completions'
            cand man 'Print the man page, or write all man pages to a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'attosign;keys'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand check-backup 'Check the paper backup (recovery words, BIP39 passphrase) against the keystore; writes nothing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'attosign;keys;new'= {
            cand --bip39-passphrase-file 'Read an optional BIP39 passphrase from this file ("-" = stdin)'
            cand --work-factor 'scrypt cost (log2) when encrypting with a passphrase [default: age''s ~1 s calibration]'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand --png 'Write PNG images instead of terminal text: out.png for one code, several (or any number for a PATH without an extension, such as outbox) go to PATH-1.png, PATH-2.png, …'
            cand --svg 'Write SVG images instead of terminal text: out.svg for one code, several (or any number for a PATH without an extension) go to PATH-1.svg, PATH-2.svg, …'
            cand --module-size 'Pixels per module in PNG and SVG images, 2 to 64 (zbar read no code drawn at 1)'
            cand --error-correction 'Error-correction level'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand --work-factor 'scrypt cost (log2) when re-encrypting [default: the keystore''s own work factor]'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;keys;check-backup'= {
            cand --mnemonic-file 'Read the recovery words from this file ("-" = stdin) instead of prompting (hidden)'
            cand --bip39-passphrase-file 'Read the BIP39 passphrase of the backup from this file ("-" = stdin)'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand check-backup 'Check the paper backup (recovery words, BIP39 passphrase) against the keystore; writes nothing'
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
        &'attosign;keys;help;check-backup'= {
        }
        &'attosign;keys;help;help'= {
        }
        &'attosign;book'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add an address to the book, or give one already there a new label'
            cand remove 'Remove an address from the book'
            cand list 'List the book (--json: an array of {"address","label"})'
            cand import 'Add or relabel every address of a CSV file (address,label), reviewed and confirmed once'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'attosign;book;add'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;book;remove'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;book;list'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;book;import'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;book;help'= {
            cand add 'Add an address to the book, or give one already there a new label'
            cand remove 'Remove an address from the book'
            cand list 'List the book (--json: an array of {"address","label"})'
            cand import 'Add or relabel every address of a CSV file (address,label), reviewed and confirmed once'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'attosign;book;help;add'= {
        }
        &'attosign;book;help;remove'= {
        }
        &'attosign;book;help;list'= {
        }
        &'attosign;book;help;import'= {
        }
        &'attosign;book;help;help'= {
        }
        &'attosign;policy'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Show the policy (--json: {"default":{…},"indexes":{"3":{…}}}, amounts in atto)'
            cand set 'Change the rules of one index, or the default for every index without its own'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'attosign;policy;show'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;policy;set'= {
            cand --index 'The index whose own rules change [default: the default, for every index without its own]'
            cand --destinations 'Which receivers a send may pay'
            cand --max-per-transaction 'The most one send may move, in atto, or "none"'
            cand --max-per-day 'The most the account may send in any 24 hours, in atto, or "none"'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --reset 'Remove the index''s own rules, so the default governs it again'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;policy;help'= {
            cand show 'Show the policy (--json: {"default":{…},"indexes":{"3":{…}}}, amounts in atto)'
            cand set 'Change the rules of one index, or the default for every index without its own'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'attosign;policy;help;show'= {
        }
        &'attosign;policy;help;set'= {
        }
        &'attosign;policy;help;help'= {
        }
        &'attosign;address'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand --account 'The account''s state before the transaction: check the ledger rules too'
            cand --receivable 'The receivable a RECEIVE or OPEN claims: check it too'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;send'= {
            cand --account 'The account''s state: the node''s GET /accounts/{publicKey} JSON ("-" = stdin)'
            cand --to 'Receiver: an atto:// address or a payment request (atto://…?amount=RAW)'
            cand --amount 'Amount in atto (12.5, at most 9 decimals), raw units with --raw, or "all"'
            cand --batch 'A payout file: CSV address,amount[,intent] or NDJSON {"to","amount","intent"}; one chain, paid in the file''s order'
            cand --timestamp 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart'
            cand --node-time 'The node''s GET /instants answer saved with the state: refuses a clock that is behind'
            cand --state-out 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again'
            cand --index 'Keystore index of the account''s key [default: searched among 0-999]'
            cand --intent 'An id for this payment: the same intent with the same request prints the saved transaction again; with a different request it is refused (status 5)'
            cand --qr-png 'Also write the transactions as QR code PNGs: PATH for one when it has an extension (out.png); for several, or a PATH without one, PATH-1.png, PATH-2.png, …'
            cand --kernel 'Proof-of-work kernel'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --raw '--amount is in raw units (1 atto = 10^9 raw)'
            cand --allow-repeat 'Sign a payout file that was already signed on an earlier account state (with --batch)'
            cand --qr 'Also show the transactions as QR codes on stderr'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;receive'= {
            cand --account 'The account''s state: the node''s GET /accounts/{publicKey} JSON ("-" = stdin)'
            cand --receivable 'The receivable(s): the node''s JSON, one per line for several ("-" = stdin)'
            cand --timestamp 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart'
            cand --node-time 'The node''s GET /instants answer saved with the state: refuses a clock that is behind'
            cand --state-out 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again'
            cand --index 'Keystore index of the account''s key [default: searched among 0-999]'
            cand --intent 'An id for this payment: the same intent with the same request prints the saved transaction again; with a different request it is refused (status 5)'
            cand --qr-png 'Also write the transactions as QR code PNGs: PATH for one when it has an extension (out.png); for several, or a PATH without one, PATH-1.png, PATH-2.png, …'
            cand --kernel 'Proof-of-work kernel'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --qr 'Also show the transactions as QR codes on stderr'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;open'= {
            cand --receivable 'The receivable(s): the first opens the account, the rest are received in the same chain; the node''s JSON, one per line ("-" = stdin)'
            cand --representative 'The representative the new account delegates its weight to'
            cand --network 'Network, for receivables without a "network" field: live, beta, dev or local'
            cand --timestamp 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart'
            cand --node-time 'The node''s GET /instants answer saved with the state: refuses a clock that is behind'
            cand --state-out 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again'
            cand --index 'Keystore index of the account''s key [default: searched among 0-999]'
            cand --intent 'An id for this payment: the same intent with the same request prints the saved transaction again; with a different request it is refused (status 5)'
            cand --qr-png 'Also write the transactions as QR code PNGs: PATH for one when it has an extension (out.png); for several, or a PATH without one, PATH-1.png, PATH-2.png, …'
            cand --kernel 'Proof-of-work kernel'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --qr 'Also show the transactions as QR codes on stderr'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;change'= {
            cand --account 'The account''s state: the node''s GET /accounts/{publicKey} JSON ("-" = stdin)'
            cand --representative 'The new representative'
            cand --timestamp 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart'
            cand --node-time 'The node''s GET /instants answer saved with the state: refuses a clock that is behind'
            cand --state-out 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again'
            cand --index 'Keystore index of the account''s key [default: searched among 0-999]'
            cand --intent 'An id for this payment: the same intent with the same request prints the saved transaction again; with a different request it is refused (status 5)'
            cand --qr-png 'Also write the transactions as QR code PNGs: PATH for one when it has an extension (out.png); for several, or a PATH without one, PATH-1.png, PATH-2.png, …'
            cand --kernel 'Proof-of-work kernel'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --qr 'Also show the transactions as QR codes on stderr'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;build'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand send 'A SEND from the account''s state'
            cand receive 'A RECEIVE of a receivable into an opened account'
            cand open 'The OPEN block of a new account, receiving its first receivable'
            cand change 'A CHANGE of the account''s representative'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'attosign;build;send'= {
            cand --account 'The account''s state: the node''s GET /accounts/{publicKey} JSON ("-" = stdin)'
            cand --to 'Receiver: an atto:// address or a payment request (atto://…?amount=RAW)'
            cand --amount 'Amount in atto (12.5, at most 9 decimals), raw units with --raw, or "all"'
            cand --batch 'A payout file: CSV address,amount[,intent] or NDJSON {"to","amount","intent"}; one chain, paid in the file''s order'
            cand --timestamp 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart'
            cand --node-time 'The node''s GET /instants answer saved with the state: refuses a clock that is behind'
            cand --state-out 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --raw '--amount is in raw units (1 atto = 10^9 raw)'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;build;receive'= {
            cand --account 'The account''s state: the node''s GET /accounts/{publicKey} JSON ("-" = stdin)'
            cand --receivable 'The receivable(s): the node''s JSON, one per line for several ("-" = stdin)'
            cand --timestamp 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart'
            cand --node-time 'The node''s GET /instants answer saved with the state: refuses a clock that is behind'
            cand --state-out 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;build;open'= {
            cand --receivable 'The receivable(s): the first opens the account, the rest are received in the same chain; the node''s JSON, one per line ("-" = stdin)'
            cand --representative 'The representative the new account delegates its weight to'
            cand --network 'Network, for receivables without a "network" field: live, beta, dev or local'
            cand --timestamp 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart'
            cand --node-time 'The node''s GET /instants answer saved with the state: refuses a clock that is behind'
            cand --state-out 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;build;change'= {
            cand --account 'The account''s state: the node''s GET /accounts/{publicKey} JSON ("-" = stdin)'
            cand --representative 'The new representative'
            cand --timestamp 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart'
            cand --node-time 'The node''s GET /instants answer saved with the state: refuses a clock that is behind'
            cand --state-out 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;build;help'= {
            cand send 'A SEND from the account''s state'
            cand receive 'A RECEIVE of a receivable into an opened account'
            cand open 'The OPEN block of a new account, receiving its first receivable'
            cand change 'A CHANGE of the account''s representative'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'attosign;build;help;send'= {
        }
        &'attosign;build;help;receive'= {
        }
        &'attosign;build;help;open'= {
        }
        &'attosign;build;help;change'= {
        }
        &'attosign;build;help;help'= {
        }
        &'attosign;sign'= {
            cand --account 'The account''s state before the (first) block: check the ledger rules and show the full review'
            cand --receivable 'The receivable a RECEIVE or OPEN claims (NDJSON, one per RECEIVE/OPEN in chain order): check it and show the amount'
            cand --index 'Keystore index of the account''s key [default: searched among 0-999]'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand --nonce 'Attach this nonce (16 hex digits, found elsewhere) after checking it; with --target, check it and print it'
            cand --work-response 'Attach the work server''s {"work"} answer (POST /works) after checking it'
            cand --kernel 'Proof-of-work kernel'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;work-request'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;journal'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List journal entries (needs no keystore or passphrase; --json for scripts)'
            cand void 'Free a height whose block will never be published (its intent stays used)'
            cand new 'Start a new journal deliberately, when the old one is lost (needs the passphrase)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'attosign;journal;list'= {
            cand --account 'Only this account''s entries (an atto:// address)'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;journal;void'= {
            cand --account 'The account (an atto:// address)'
            cand --height 'The height whose journaled block is voided'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;journal;new'= {
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
            cand --yes 'Answer yes to confirmations (needed when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --json 'Machine-readable output, and errors as {"error":{"code","message"}}'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'attosign;journal;help'= {
            cand list 'List journal entries (needs no keystore or passphrase; --json for scripts)'
            cand void 'Free a height whose block will never be published (its intent stays used)'
            cand new 'Start a new journal deliberately, when the old one is lost (needs the passphrase)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'attosign;journal;help;list'= {
        }
        &'attosign;journal;help;void'= {
        }
        &'attosign;journal;help;new'= {
        }
        &'attosign;journal;help;help'= {
        }
        &'attosign;qr'= {
            cand --png 'Write PNG images instead of terminal text: out.png for one code, several (or any number for a PATH without an extension, such as outbox) go to PATH-1.png, PATH-2.png, …'
            cand --svg 'Write SVG images instead of terminal text: out.svg for one code, several (or any number for a PATH without an extension) go to PATH-1.svg, PATH-2.svg, …'
            cand --module-size 'Pixels per module in PNG and SVG images, 2 to 64 (zbar read no code drawn at 1)'
            cand --error-correction 'Error-correction level'
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand --keystore 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]'
            cand --passphrase-file 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting'
            cand --identity 'Use this age identity file instead of a passphrase'
            cand --threads 'Worker threads for proof of work [default: all cores]'
            cand --journal 'Signing journal [default: the keystore''s path with ".journal" appended]'
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
            cand book 'The address book kept in the keystore: known destinations and their labels'
            cand policy 'The signing policy kept in the keystore: allowed destinations and amount limits'
            cand address 'Validate an address or public key, and convert between them'
            cand inspect 'Show a block or transaction (JSON or hex bytes) for people'
            cand verify 'Check hash, signature, proof of work and block rules; exit 3 if any fails'
            cand send 'Build, review, sign and work a SEND in one step'
            cand receive 'Build, review, sign and work a RECEIVE in one step'
            cand open 'Build, review, sign and work an OPEN (an account''s first block) in one step'
            cand change 'Build, review, sign and work a CHANGE of representative in one step'
            cand build 'Build the next block from state files, unsigned (needs no keystore)'
            cand sign 'Sign a block after review and confirmation: prints {"block","signature"}'
            cand work 'Add proof of work to a block, or find a nonce for a target'
            cand work-request 'Print the work server''s POST /works bodies for the blocks in a file'
            cand bench 'Measure the proof-of-work hash rate'
            cand journal 'What was signed: account, height, hash, intent and state'
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
            cand check-backup 'Check the paper backup (recovery words, BIP39 passphrase) against the keystore; writes nothing'
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
        &'attosign;help;keys;check-backup'= {
        }
        &'attosign;help;book'= {
            cand add 'Add an address to the book, or give one already there a new label'
            cand remove 'Remove an address from the book'
            cand list 'List the book (--json: an array of {"address","label"})'
            cand import 'Add or relabel every address of a CSV file (address,label), reviewed and confirmed once'
        }
        &'attosign;help;book;add'= {
        }
        &'attosign;help;book;remove'= {
        }
        &'attosign;help;book;list'= {
        }
        &'attosign;help;book;import'= {
        }
        &'attosign;help;policy'= {
            cand show 'Show the policy (--json: {"default":{…},"indexes":{"3":{…}}}, amounts in atto)'
            cand set 'Change the rules of one index, or the default for every index without its own'
        }
        &'attosign;help;policy;show'= {
        }
        &'attosign;help;policy;set'= {
        }
        &'attosign;help;address'= {
        }
        &'attosign;help;inspect'= {
        }
        &'attosign;help;verify'= {
        }
        &'attosign;help;send'= {
        }
        &'attosign;help;receive'= {
        }
        &'attosign;help;open'= {
        }
        &'attosign;help;change'= {
        }
        &'attosign;help;build'= {
            cand send 'A SEND from the account''s state'
            cand receive 'A RECEIVE of a receivable into an opened account'
            cand open 'The OPEN block of a new account, receiving its first receivable'
            cand change 'A CHANGE of the account''s representative'
        }
        &'attosign;help;build;send'= {
        }
        &'attosign;help;build;receive'= {
        }
        &'attosign;help;build;open'= {
        }
        &'attosign;help;build;change'= {
        }
        &'attosign;help;sign'= {
        }
        &'attosign;help;work'= {
        }
        &'attosign;help;work-request'= {
        }
        &'attosign;help;bench'= {
        }
        &'attosign;help;journal'= {
            cand list 'List journal entries (needs no keystore or passphrase; --json for scripts)'
            cand void 'Free a height whose block will never be published (its intent stays used)'
            cand new 'Start a new journal deliberately, when the old one is lost (needs the passphrase)'
        }
        &'attosign;help;journal;list'= {
        }
        &'attosign;help;journal;void'= {
        }
        &'attosign;help;journal;new'= {
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
