
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'attosign' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'attosign'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'attosign' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Manage the encrypted keystore')
            [CompletionResult]::new('address', 'address', [CompletionResultType]::ParameterValue, 'Validate an address or public key, and convert between them')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show a block or transaction (JSON or hex bytes) for people')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check hash, signature, proof of work and block rules; exit 3 if any fails')
            [CompletionResult]::new('work', 'work', [CompletionResultType]::ParameterValue, 'Add proof of work to a block, or find a nonce for a target')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Measure the proof-of-work hash rate')
            [CompletionResult]::new('qr', 'qr', [CompletionResultType]::ParameterValue, 'Show transactions as QR codes: terminal by default, or PNG/SVG files')
            [CompletionResult]::new('decode', 'decode', [CompletionResultType]::ParameterValue, 'Turn scanned QR texts (ATTO:TX:…) back into transaction JSON, for the online side')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write all man pages to a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'attosign;keys' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a keystore from a fresh 24-word mnemonic, shown once for a paper backup')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create a keystore from an existing mnemonic or raw private key')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List addresses and public keys')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one account')
            [CompletionResult]::new('export-watch', 'export-watch', [CompletionResultType]::ParameterValue, 'Public keys and addresses only, for the online machine')
            [CompletionResult]::new('label', 'label', [CompletionResultType]::ParameterValue, 'Set or clear the label of an index')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Re-encrypt the keystore with a new passphrase or identity')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'attosign;keys;new' {
            [CompletionResult]::new('--bip39-passphrase-file', '--bip39-passphrase-file', [CompletionResultType]::ParameterName, 'Read an optional BIP39 passphrase from this file ("-" = stdin)')
            [CompletionResult]::new('--work-factor', '--work-factor', [CompletionResultType]::ParameterName, 'scrypt cost (log2) when encrypting with a passphrase [default: age''s ~1 s calibration]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--show-mnemonic', '--show-mnemonic', [CompletionResultType]::ParameterName, 'Print the 24 words on stdout (one line) for scripted setups')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing keystore')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;keys;import' {
            [CompletionResult]::new('--mnemonic-file', '--mnemonic-file', [CompletionResultType]::ParameterName, 'Read the 24-word mnemonic from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--bip39-passphrase-file', '--bip39-passphrase-file', [CompletionResultType]::ParameterName, 'Read an optional BIP39 passphrase from this file ("-" = stdin)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'Import a raw Ed25519 private key (hex, 32 bytes or 33 with a leading 00)')
            [CompletionResult]::new('--work-factor', '--work-factor', [CompletionResultType]::ParameterName, 'scrypt cost (log2) when encrypting with a passphrase [default: age''s ~1 s calibration]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing keystore')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;keys;list' {
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many indexes, starting at 0')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;keys;show' {
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Key index (0 to 2147483647)')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount the payment request asks for, in atto (with --qr)')
            [CompletionResult]::new('--png', '--png', [CompletionResultType]::ParameterName, 'Write PNG images instead of terminal text; several codes go to PATH-1.png, PATH-2.png, …')
            [CompletionResult]::new('--svg', '--svg', [CompletionResultType]::ParameterName, 'Write SVG images instead of terminal text; several codes go to PATH-1.svg, PATH-2.svg, …')
            [CompletionResult]::new('--module-size', '--module-size', [CompletionResultType]::ParameterName, 'Pixels per module in PNG and SVG images')
            [CompletionResult]::new('--error-correction', '--error-correction', [CompletionResultType]::ParameterName, 'Error-correction level')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--qr', '--qr', [CompletionResultType]::ParameterName, 'Show the address as a QR payment request (atto://ADDRESS?amount=RAW) for a phone wallet')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;keys;export-watch' {
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many indexes, starting at 0')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;keys;label' {
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Key index (0 to 2147483647)')
            [CompletionResult]::new('--work-factor', '--work-factor', [CompletionResultType]::ParameterName, 'scrypt cost (log2) when re-encrypting [default: age''s ~1 s calibration]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;keys;passwd' {
            [CompletionResult]::new('--new-passphrase-file', '--new-passphrase-file', [CompletionResultType]::ParameterName, 'Read the new passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--new-identity', '--new-identity', [CompletionResultType]::ParameterName, 'Encrypt to this age identity file''s recipient instead of a passphrase')
            [CompletionResult]::new('--work-factor', '--work-factor', [CompletionResultType]::ParameterName, 'scrypt cost (log2) for the new passphrase [default: age''s ~1 s calibration]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;keys;help' {
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a keystore from a fresh 24-word mnemonic, shown once for a paper backup')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create a keystore from an existing mnemonic or raw private key')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List addresses and public keys')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one account')
            [CompletionResult]::new('export-watch', 'export-watch', [CompletionResultType]::ParameterValue, 'Public keys and addresses only, for the online machine')
            [CompletionResult]::new('label', 'label', [CompletionResultType]::ParameterValue, 'Set or clear the label of an index')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Re-encrypt the keystore with a new passphrase or identity')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'attosign;keys;help;new' {
            break
        }
        'attosign;keys;help;import' {
            break
        }
        'attosign;keys;help;list' {
            break
        }
        'attosign;keys;help;show' {
            break
        }
        'attosign;keys;help;export-watch' {
            break
        }
        'attosign;keys;help;label' {
            break
        }
        'attosign;keys;help;passwd' {
            break
        }
        'attosign;keys;help;help' {
            break
        }
        'attosign;address' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;inspect' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;verify' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;work' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Find a nonce for this 32-byte target (hex) instead of a file')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Network of the target: live, beta, dev or local')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Timestamp of the block (epoch milliseconds or RFC 3339); sets the threshold')
            [CompletionResult]::new('--nonce', '--nonce', [CompletionResultType]::ParameterName, 'Attach this nonce (16 hex digits, found elsewhere) after checking it')
            [CompletionResult]::new('--kernel', '--kernel', [CompletionResultType]::ParameterName, 'Proof-of-work kernel')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;bench' {
            [CompletionResult]::new('--seconds', '--seconds', [CompletionResultType]::ParameterName, 'Seconds to measure')
            [CompletionResult]::new('--kernel', '--kernel', [CompletionResultType]::ParameterName, 'Proof-of-work kernel')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;qr' {
            [CompletionResult]::new('--png', '--png', [CompletionResultType]::ParameterName, 'Write PNG images instead of terminal text; several codes go to PATH-1.png, PATH-2.png, …')
            [CompletionResult]::new('--svg', '--svg', [CompletionResultType]::ParameterName, 'Write SVG images instead of terminal text; several codes go to PATH-1.svg, PATH-2.svg, …')
            [CompletionResult]::new('--module-size', '--module-size', [CompletionResultType]::ParameterName, 'Pixels per module in PNG and SVG images')
            [CompletionResult]::new('--error-correction', '--error-correction', [CompletionResultType]::ParameterName, 'Error-correction level')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;decode' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;completions' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write attosign.1 and one page per subcommand into this directory')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'attosign;help' {
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Manage the encrypted keystore')
            [CompletionResult]::new('address', 'address', [CompletionResultType]::ParameterValue, 'Validate an address or public key, and convert between them')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show a block or transaction (JSON or hex bytes) for people')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check hash, signature, proof of work and block rules; exit 3 if any fails')
            [CompletionResult]::new('work', 'work', [CompletionResultType]::ParameterValue, 'Add proof of work to a block, or find a nonce for a target')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Measure the proof-of-work hash rate')
            [CompletionResult]::new('qr', 'qr', [CompletionResultType]::ParameterValue, 'Show transactions as QR codes: terminal by default, or PNG/SVG files')
            [CompletionResult]::new('decode', 'decode', [CompletionResultType]::ParameterValue, 'Turn scanned QR texts (ATTO:TX:…) back into transaction JSON, for the online side')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write all man pages to a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'attosign;help;keys' {
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a keystore from a fresh 24-word mnemonic, shown once for a paper backup')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create a keystore from an existing mnemonic or raw private key')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List addresses and public keys')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one account')
            [CompletionResult]::new('export-watch', 'export-watch', [CompletionResultType]::ParameterValue, 'Public keys and addresses only, for the online machine')
            [CompletionResult]::new('label', 'label', [CompletionResultType]::ParameterValue, 'Set or clear the label of an index')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Re-encrypt the keystore with a new passphrase or identity')
            break
        }
        'attosign;help;keys;new' {
            break
        }
        'attosign;help;keys;import' {
            break
        }
        'attosign;help;keys;list' {
            break
        }
        'attosign;help;keys;show' {
            break
        }
        'attosign;help;keys;export-watch' {
            break
        }
        'attosign;help;keys;label' {
            break
        }
        'attosign;help;keys;passwd' {
            break
        }
        'attosign;help;address' {
            break
        }
        'attosign;help;inspect' {
            break
        }
        'attosign;help;verify' {
            break
        }
        'attosign;help;work' {
            break
        }
        'attosign;help;bench' {
            break
        }
        'attosign;help;qr' {
            break
        }
        'attosign;help;decode' {
            break
        }
        'attosign;help;completions' {
            break
        }
        'attosign;help;man' {
            break
        }
        'attosign;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
