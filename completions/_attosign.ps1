
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
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Manage the encrypted keystore')
            [CompletionResult]::new('book', 'book', [CompletionResultType]::ParameterValue, 'The address book kept in the keystore: known destinations and their labels')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'The signing policy kept in the keystore: allowed destinations and amount limits')
            [CompletionResult]::new('address', 'address', [CompletionResultType]::ParameterValue, 'Validate an address or public key, and convert between them')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show a block or transaction (JSON or hex bytes) for people')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check hash, signature, proof of work and block rules; exit 3 if any fails')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Build, review, sign and work a SEND in one step')
            [CompletionResult]::new('receive', 'receive', [CompletionResultType]::ParameterValue, 'Build, review, sign and work a RECEIVE in one step')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Build, review, sign and work an OPEN (an account''s first block) in one step')
            [CompletionResult]::new('change', 'change', [CompletionResultType]::ParameterValue, 'Build, review, sign and work a CHANGE of representative in one step')
            [CompletionResult]::new('build', 'build', [CompletionResultType]::ParameterValue, 'Build the next block from state files, unsigned (needs no keystore)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a block after review and confirmation: prints {"block","signature"}')
            [CompletionResult]::new('work', 'work', [CompletionResultType]::ParameterValue, 'Add proof of work to a block, or find a nonce for a target')
            [CompletionResult]::new('work-request', 'work-request', [CompletionResultType]::ParameterValue, 'Print the work server''s POST /works bodies for the blocks in a file')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Measure the proof-of-work hash rate')
            [CompletionResult]::new('journal', 'journal', [CompletionResultType]::ParameterValue, 'What was signed: account, height, hash, intent and state')
            [CompletionResult]::new('qr', 'qr', [CompletionResultType]::ParameterValue, 'Show transactions as QR codes: terminal by default, or PNG/SVG files')
            [CompletionResult]::new('decode', 'decode', [CompletionResultType]::ParameterValue, 'Turn scanned QR texts (ATTO:TX:…) back into transaction JSON, for the online side')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write all man pages to a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'attosign;keys' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('check-backup', 'check-backup', [CompletionResultType]::ParameterValue, 'Check the paper backup (recovery words, BIP39 passphrase) against the keystore; writes nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'attosign;keys;new' {
            [CompletionResult]::new('--bip39-passphrase-file', '--bip39-passphrase-file', [CompletionResultType]::ParameterName, 'Read an optional BIP39 passphrase from this file ("-" = stdin)')
            [CompletionResult]::new('--work-factor', '--work-factor', [CompletionResultType]::ParameterName, 'scrypt cost (log2) when encrypting with a passphrase [default: age''s ~1 s calibration]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('--png', '--png', [CompletionResultType]::ParameterName, 'Write PNG images instead of terminal text: out.png for one code, several (or any number for a PATH without an extension, such as outbox) go to PATH-1.png, PATH-2.png, …')
            [CompletionResult]::new('--svg', '--svg', [CompletionResultType]::ParameterName, 'Write SVG images instead of terminal text: out.svg for one code, several (or any number for a PATH without an extension) go to PATH-1.svg, PATH-2.svg, …')
            [CompletionResult]::new('--module-size', '--module-size', [CompletionResultType]::ParameterName, 'Pixels per module in PNG and SVG images, 2 to 64 (zbar read no code drawn at 1)')
            [CompletionResult]::new('--error-correction', '--error-correction', [CompletionResultType]::ParameterName, 'Error-correction level')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('--work-factor', '--work-factor', [CompletionResultType]::ParameterName, 'scrypt cost (log2) when re-encrypting [default: the keystore''s own work factor]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;keys;check-backup' {
            [CompletionResult]::new('--mnemonic-file', '--mnemonic-file', [CompletionResultType]::ParameterName, 'Read the recovery words from this file ("-" = stdin) instead of prompting (hidden)')
            [CompletionResult]::new('--bip39-passphrase-file', '--bip39-passphrase-file', [CompletionResultType]::ParameterName, 'Read the BIP39 passphrase of the backup from this file ("-" = stdin)')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('check-backup', 'check-backup', [CompletionResultType]::ParameterValue, 'Check the paper backup (recovery words, BIP39 passphrase) against the keystore; writes nothing')
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
        'attosign;keys;help;check-backup' {
            break
        }
        'attosign;keys;help;help' {
            break
        }
        'attosign;book' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an address to the book, or give one already there a new label')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an address from the book')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the book (--json: an array of {"address","label"})')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add or relabel every address of a CSV file (address,label), reviewed and confirmed once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'attosign;book;add' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;book;remove' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;book;list' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;book;import' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;book;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an address to the book, or give one already there a new label')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an address from the book')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the book (--json: an array of {"address","label"})')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add or relabel every address of a CSV file (address,label), reviewed and confirmed once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'attosign;book;help;add' {
            break
        }
        'attosign;book;help;remove' {
            break
        }
        'attosign;book;help;list' {
            break
        }
        'attosign;book;help;import' {
            break
        }
        'attosign;book;help;help' {
            break
        }
        'attosign;policy' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the policy (--json: {"default":{…},"indexes":{"3":{…}}}, amounts in atto)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the rules of one index, or the default for every index without its own')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'attosign;policy;show' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;policy;set' {
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'The index whose own rules change [default: the default, for every index without its own]')
            [CompletionResult]::new('--destinations', '--destinations', [CompletionResultType]::ParameterName, 'Which receivers a send may pay')
            [CompletionResult]::new('--max-per-transaction', '--max-per-transaction', [CompletionResultType]::ParameterName, 'The most one send may move, in atto, or "none"')
            [CompletionResult]::new('--max-per-day', '--max-per-day', [CompletionResultType]::ParameterName, 'The most the account may send in any 24 hours, in atto, or "none"')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
            [CompletionResult]::new('--reset', '--reset', [CompletionResultType]::ParameterName, 'Remove the index''s own rules, so the default governs it again')
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
        'attosign;policy;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the policy (--json: {"default":{…},"indexes":{"3":{…}}}, amounts in atto)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the rules of one index, or the default for every index without its own')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'attosign;policy;help;show' {
            break
        }
        'attosign;policy;help;set' {
            break
        }
        'attosign;policy;help;help' {
            break
        }
        'attosign;address' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The account''s state before the transaction: check the ledger rules too')
            [CompletionResult]::new('--receivable', '--receivable', [CompletionResultType]::ParameterName, 'The receivable a RECEIVE or OPEN claims: check it too')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;send' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The account''s state: the node''s GET /accounts/{publicKey} JSON ("-" = stdin)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Receiver: an atto:// address or a payment request (atto://…?amount=RAW)')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount in atto (12.5, at most 9 decimals), raw units with --raw, or "all"')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'A payout file: CSV address,amount[,intent] or NDJSON {"to","amount","intent"}; one chain, paid in the file''s order')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart')
            [CompletionResult]::new('--node-time', '--node-time', [CompletionResultType]::ParameterName, 'The node''s GET /instants answer saved with the state: refuses a clock that is behind')
            [CompletionResult]::new('--state-out', '--state-out', [CompletionResultType]::ParameterName, 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Keystore index of the account''s key [default: searched among 0-999]')
            [CompletionResult]::new('--intent', '--intent', [CompletionResultType]::ParameterName, 'An id for this payment: the same intent with the same request prints the saved transaction again; with a different request it is refused (status 5)')
            [CompletionResult]::new('--qr-png', '--qr-png', [CompletionResultType]::ParameterName, 'Also write the transactions as QR code PNGs: PATH for one when it has an extension (out.png); for several, or a PATH without one, PATH-1.png, PATH-2.png, …')
            [CompletionResult]::new('--kernel', '--kernel', [CompletionResultType]::ParameterName, 'Proof-of-work kernel')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, '--amount is in raw units (1 atto = 10^9 raw)')
            [CompletionResult]::new('--allow-repeat', '--allow-repeat', [CompletionResultType]::ParameterName, 'Sign a payout file that was already signed on an earlier account state (with --batch)')
            [CompletionResult]::new('--qr', '--qr', [CompletionResultType]::ParameterName, 'Also show the transactions as QR codes on stderr')
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
        'attosign;receive' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The account''s state: the node''s GET /accounts/{publicKey} JSON ("-" = stdin)')
            [CompletionResult]::new('--receivable', '--receivable', [CompletionResultType]::ParameterName, 'The receivable(s): the node''s JSON, one per line for several ("-" = stdin)')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart')
            [CompletionResult]::new('--node-time', '--node-time', [CompletionResultType]::ParameterName, 'The node''s GET /instants answer saved with the state: refuses a clock that is behind')
            [CompletionResult]::new('--state-out', '--state-out', [CompletionResultType]::ParameterName, 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Keystore index of the account''s key [default: searched among 0-999]')
            [CompletionResult]::new('--intent', '--intent', [CompletionResultType]::ParameterName, 'An id for this payment: the same intent with the same request prints the saved transaction again; with a different request it is refused (status 5)')
            [CompletionResult]::new('--qr-png', '--qr-png', [CompletionResultType]::ParameterName, 'Also write the transactions as QR code PNGs: PATH for one when it has an extension (out.png); for several, or a PATH without one, PATH-1.png, PATH-2.png, …')
            [CompletionResult]::new('--kernel', '--kernel', [CompletionResultType]::ParameterName, 'Proof-of-work kernel')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
            [CompletionResult]::new('--qr', '--qr', [CompletionResultType]::ParameterName, 'Also show the transactions as QR codes on stderr')
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
        'attosign;open' {
            [CompletionResult]::new('--receivable', '--receivable', [CompletionResultType]::ParameterName, 'The receivable(s): the first opens the account, the rest are received in the same chain; the node''s JSON, one per line ("-" = stdin)')
            [CompletionResult]::new('--representative', '--representative', [CompletionResultType]::ParameterName, 'The representative the new account delegates its weight to')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Network, for receivables without a "network" field: live, beta, dev or local')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart')
            [CompletionResult]::new('--node-time', '--node-time', [CompletionResultType]::ParameterName, 'The node''s GET /instants answer saved with the state: refuses a clock that is behind')
            [CompletionResult]::new('--state-out', '--state-out', [CompletionResultType]::ParameterName, 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Keystore index of the account''s key [default: searched among 0-999]')
            [CompletionResult]::new('--intent', '--intent', [CompletionResultType]::ParameterName, 'An id for this payment: the same intent with the same request prints the saved transaction again; with a different request it is refused (status 5)')
            [CompletionResult]::new('--qr-png', '--qr-png', [CompletionResultType]::ParameterName, 'Also write the transactions as QR code PNGs: PATH for one when it has an extension (out.png); for several, or a PATH without one, PATH-1.png, PATH-2.png, …')
            [CompletionResult]::new('--kernel', '--kernel', [CompletionResultType]::ParameterName, 'Proof-of-work kernel')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
            [CompletionResult]::new('--qr', '--qr', [CompletionResultType]::ParameterName, 'Also show the transactions as QR codes on stderr')
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
        'attosign;change' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The account''s state: the node''s GET /accounts/{publicKey} JSON ("-" = stdin)')
            [CompletionResult]::new('--representative', '--representative', [CompletionResultType]::ParameterName, 'The new representative')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart')
            [CompletionResult]::new('--node-time', '--node-time', [CompletionResultType]::ParameterName, 'The node''s GET /instants answer saved with the state: refuses a clock that is behind')
            [CompletionResult]::new('--state-out', '--state-out', [CompletionResultType]::ParameterName, 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Keystore index of the account''s key [default: searched among 0-999]')
            [CompletionResult]::new('--intent', '--intent', [CompletionResultType]::ParameterName, 'An id for this payment: the same intent with the same request prints the saved transaction again; with a different request it is refused (status 5)')
            [CompletionResult]::new('--qr-png', '--qr-png', [CompletionResultType]::ParameterName, 'Also write the transactions as QR code PNGs: PATH for one when it has an extension (out.png); for several, or a PATH without one, PATH-1.png, PATH-2.png, …')
            [CompletionResult]::new('--kernel', '--kernel', [CompletionResultType]::ParameterName, 'Proof-of-work kernel')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
            [CompletionResult]::new('--qr', '--qr', [CompletionResultType]::ParameterName, 'Also show the transactions as QR codes on stderr')
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
        'attosign;build' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'A SEND from the account''s state')
            [CompletionResult]::new('receive', 'receive', [CompletionResultType]::ParameterValue, 'A RECEIVE of a receivable into an opened account')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'The OPEN block of a new account, receiving its first receivable')
            [CompletionResult]::new('change', 'change', [CompletionResultType]::ParameterValue, 'A CHANGE of the account''s representative')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'attosign;build;send' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The account''s state: the node''s GET /accounts/{publicKey} JSON ("-" = stdin)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Receiver: an atto:// address or a payment request (atto://…?amount=RAW)')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount in atto (12.5, at most 9 decimals), raw units with --raw, or "all"')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'A payout file: CSV address,amount[,intent] or NDJSON {"to","amount","intent"}; one chain, paid in the file''s order')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart')
            [CompletionResult]::new('--node-time', '--node-time', [CompletionResultType]::ParameterName, 'The node''s GET /instants answer saved with the state: refuses a clock that is behind')
            [CompletionResult]::new('--state-out', '--state-out', [CompletionResultType]::ParameterName, 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, '--amount is in raw units (1 atto = 10^9 raw)')
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
        'attosign;build;receive' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The account''s state: the node''s GET /accounts/{publicKey} JSON ("-" = stdin)')
            [CompletionResult]::new('--receivable', '--receivable', [CompletionResultType]::ParameterName, 'The receivable(s): the node''s JSON, one per line for several ("-" = stdin)')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart')
            [CompletionResult]::new('--node-time', '--node-time', [CompletionResultType]::ParameterName, 'The node''s GET /instants answer saved with the state: refuses a clock that is behind')
            [CompletionResult]::new('--state-out', '--state-out', [CompletionResultType]::ParameterName, 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;build;open' {
            [CompletionResult]::new('--receivable', '--receivable', [CompletionResultType]::ParameterName, 'The receivable(s): the first opens the account, the rest are received in the same chain; the node''s JSON, one per line ("-" = stdin)')
            [CompletionResult]::new('--representative', '--representative', [CompletionResultType]::ParameterName, 'The representative the new account delegates its weight to')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Network, for receivables without a "network" field: live, beta, dev or local')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart')
            [CompletionResult]::new('--node-time', '--node-time', [CompletionResultType]::ParameterName, 'The node''s GET /instants answer saved with the state: refuses a clock that is behind')
            [CompletionResult]::new('--state-out', '--state-out', [CompletionResultType]::ParameterName, 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;build;change' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The account''s state: the node''s GET /accounts/{publicKey} JSON ("-" = stdin)')
            [CompletionResult]::new('--representative', '--representative', [CompletionResultType]::ParameterName, 'The new representative')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The (first) block''s timestamp (epoch milliseconds or RFC 3339) [default: now]; a chain''s later blocks follow 1 ms apart')
            [CompletionResult]::new('--node-time', '--node-time', [CompletionResultType]::ParameterName, 'The node''s GET /instants answer saved with the state: refuses a clock that is behind')
            [CompletionResult]::new('--state-out', '--state-out', [CompletionResultType]::ParameterName, 'Write the account''s state after the chain (the node''s account JSON), to continue offline without fetching it again')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;build;help' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'A SEND from the account''s state')
            [CompletionResult]::new('receive', 'receive', [CompletionResultType]::ParameterValue, 'A RECEIVE of a receivable into an opened account')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'The OPEN block of a new account, receiving its first receivable')
            [CompletionResult]::new('change', 'change', [CompletionResultType]::ParameterValue, 'A CHANGE of the account''s representative')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'attosign;build;help;send' {
            break
        }
        'attosign;build;help;receive' {
            break
        }
        'attosign;build;help;open' {
            break
        }
        'attosign;build;help;change' {
            break
        }
        'attosign;build;help;help' {
            break
        }
        'attosign;sign' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The account''s state before the (first) block: check the ledger rules and show the full review')
            [CompletionResult]::new('--receivable', '--receivable', [CompletionResultType]::ParameterName, 'The receivable a RECEIVE or OPEN claims (NDJSON, one per RECEIVE/OPEN in chain order): check it and show the amount')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Keystore index of the account''s key [default: searched among 0-999]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('--nonce', '--nonce', [CompletionResultType]::ParameterName, 'Attach this nonce (16 hex digits, found elsewhere) after checking it; with --target, check it and print it')
            [CompletionResult]::new('--work-response', '--work-response', [CompletionResultType]::ParameterName, 'Attach the work server''s {"work"} answer (POST /works) after checking it')
            [CompletionResult]::new('--kernel', '--kernel', [CompletionResultType]::ParameterName, 'Proof-of-work kernel')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;work-request' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;journal' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, and errors as {"error":{"code","message"}}')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List journal entries (needs no keystore or passphrase; --json for scripts)')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Free a height whose block will never be published (its intent stays used)')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Start a new journal deliberately, when the old one is lost (needs the passphrase)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'attosign;journal;list' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only this account''s entries (an atto:// address)')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;journal;void' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The account (an atto:// address)')
            [CompletionResult]::new('--height', '--height', [CompletionResultType]::ParameterName, 'The height whose journaled block is voided')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;journal;new' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
        'attosign;journal;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List journal entries (needs no keystore or passphrase; --json for scripts)')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Free a height whose block will never be published (its intent stays used)')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Start a new journal deliberately, when the old one is lost (needs the passphrase)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'attosign;journal;help;list' {
            break
        }
        'attosign;journal;help;void' {
            break
        }
        'attosign;journal;help;new' {
            break
        }
        'attosign;journal;help;help' {
            break
        }
        'attosign;qr' {
            [CompletionResult]::new('--png', '--png', [CompletionResultType]::ParameterName, 'Write PNG images instead of terminal text: out.png for one code, several (or any number for a PATH without an extension, such as outbox) go to PATH-1.png, PATH-2.png, …')
            [CompletionResult]::new('--svg', '--svg', [CompletionResultType]::ParameterName, 'Write SVG images instead of terminal text: out.svg for one code, several (or any number for a PATH without an extension) go to PATH-1.svg, PATH-2.svg, …')
            [CompletionResult]::new('--module-size', '--module-size', [CompletionResultType]::ParameterName, 'Pixels per module in PNG and SVG images, 2 to 64 (zbar read no code drawn at 1)')
            [CompletionResult]::new('--error-correction', '--error-correction', [CompletionResultType]::ParameterName, 'Error-correction level')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age, else ~/.local/share/attosign/keystore.age]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keystore passphrase from this file ("-" = stdin) instead of prompting')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Use this age identity file instead of a passphrase')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads for proof of work [default: all cores]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Signing journal [default: the keystore''s path with ".journal" appended]')
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
            [CompletionResult]::new('book', 'book', [CompletionResultType]::ParameterValue, 'The address book kept in the keystore: known destinations and their labels')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'The signing policy kept in the keystore: allowed destinations and amount limits')
            [CompletionResult]::new('address', 'address', [CompletionResultType]::ParameterValue, 'Validate an address or public key, and convert between them')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show a block or transaction (JSON or hex bytes) for people')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check hash, signature, proof of work and block rules; exit 3 if any fails')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Build, review, sign and work a SEND in one step')
            [CompletionResult]::new('receive', 'receive', [CompletionResultType]::ParameterValue, 'Build, review, sign and work a RECEIVE in one step')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Build, review, sign and work an OPEN (an account''s first block) in one step')
            [CompletionResult]::new('change', 'change', [CompletionResultType]::ParameterValue, 'Build, review, sign and work a CHANGE of representative in one step')
            [CompletionResult]::new('build', 'build', [CompletionResultType]::ParameterValue, 'Build the next block from state files, unsigned (needs no keystore)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a block after review and confirmation: prints {"block","signature"}')
            [CompletionResult]::new('work', 'work', [CompletionResultType]::ParameterValue, 'Add proof of work to a block, or find a nonce for a target')
            [CompletionResult]::new('work-request', 'work-request', [CompletionResultType]::ParameterValue, 'Print the work server''s POST /works bodies for the blocks in a file')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Measure the proof-of-work hash rate')
            [CompletionResult]::new('journal', 'journal', [CompletionResultType]::ParameterValue, 'What was signed: account, height, hash, intent and state')
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
            [CompletionResult]::new('check-backup', 'check-backup', [CompletionResultType]::ParameterValue, 'Check the paper backup (recovery words, BIP39 passphrase) against the keystore; writes nothing')
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
        'attosign;help;keys;check-backup' {
            break
        }
        'attosign;help;book' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an address to the book, or give one already there a new label')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an address from the book')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the book (--json: an array of {"address","label"})')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add or relabel every address of a CSV file (address,label), reviewed and confirmed once')
            break
        }
        'attosign;help;book;add' {
            break
        }
        'attosign;help;book;remove' {
            break
        }
        'attosign;help;book;list' {
            break
        }
        'attosign;help;book;import' {
            break
        }
        'attosign;help;policy' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the policy (--json: {"default":{…},"indexes":{"3":{…}}}, amounts in atto)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the rules of one index, or the default for every index without its own')
            break
        }
        'attosign;help;policy;show' {
            break
        }
        'attosign;help;policy;set' {
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
        'attosign;help;send' {
            break
        }
        'attosign;help;receive' {
            break
        }
        'attosign;help;open' {
            break
        }
        'attosign;help;change' {
            break
        }
        'attosign;help;build' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'A SEND from the account''s state')
            [CompletionResult]::new('receive', 'receive', [CompletionResultType]::ParameterValue, 'A RECEIVE of a receivable into an opened account')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'The OPEN block of a new account, receiving its first receivable')
            [CompletionResult]::new('change', 'change', [CompletionResultType]::ParameterValue, 'A CHANGE of the account''s representative')
            break
        }
        'attosign;help;build;send' {
            break
        }
        'attosign;help;build;receive' {
            break
        }
        'attosign;help;build;open' {
            break
        }
        'attosign;help;build;change' {
            break
        }
        'attosign;help;sign' {
            break
        }
        'attosign;help;work' {
            break
        }
        'attosign;help;work-request' {
            break
        }
        'attosign;help;bench' {
            break
        }
        'attosign;help;journal' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List journal entries (needs no keystore or passphrase; --json for scripts)')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Free a height whose block will never be published (its intent stays used)')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Start a new journal deliberately, when the old one is lost (needs the passphrase)')
            break
        }
        'attosign;help;journal;list' {
            break
        }
        'attosign;help;journal;void' {
            break
        }
        'attosign;help;journal;new' {
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
