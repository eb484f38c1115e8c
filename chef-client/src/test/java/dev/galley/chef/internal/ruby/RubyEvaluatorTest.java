package dev.galley.chef.internal.ruby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.galley.chef.ChefConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class RubyEvaluatorTest {
    static final RubyDialect KNIFE = new RubyDialect("knife configuration",
            "set the value literally or move it to ~/.chef/credentials", Set.of("chef_server_url", "node_name"));

    @TempDir
    Path dir;
    Path file;
    RubyEnvironment env;

    @BeforeEach
    void setUp() {
        file = dir.resolve(".chef/config.rb");
        env = new RubyEnvironment(Map.of("USER", "alice", "CHEF_ORG", "acme", "EMPTY", ""), dir.resolve("home"),
                dir.resolve("work"));
    }

    RubyScript eval(String source) {
        return RubyEvaluator.evaluate(file, source, env, KNIFE);
    }

    Object only(String source) {
        RubyScript s = eval(source);
        assertThat(s.settings()).hasSize(1);
        return ((RubySetting.Call) s.settings().get(0)).args().get(0);
    }

    ChefConfigException failure(String source) {
        return (ChefConfigException) assertThatThrownBy(() -> eval(source))
                .isInstanceOf(ChefConfigException.class).actual();
    }

    @Test
    void settingCalls_keepFileOrderNamesArgumentsAndLines() {
        RubyScript s = eval("""
                # a comment
                log_level :info

                node_name("bob")
                depends 'apt', '>= 1.0'
                """);

        assertThat(s.settings()).containsExactly(
                new RubySetting.Call("log_level", List.of(new RubySymbol("info")), 2),
                new RubySetting.Call("node_name", List.of("bob"), 4),
                new RubySetting.Call("depends", List.of("apt", ">= 1.0"), 5));
    }

    @Test
    void doubleQuotedStrings_applyEscapesAndInterpolation() {
        assertThat(only("x \"a\\tb\\n\\\"q\\\" \\#{no} #{ENV['USER']}-#{1}#{nil}#{:sym}\\u00e9\\x41\""))
                .isEqualTo("a\tb\n\"q\" #{no} alice-1symé" + "A");
    }

    @Test
    void singleQuotedStrings_onlyUnescapeBackslashAndQuote() {
        assertThat(only("x 'C:\\\\dir\\n #{not} it\\'s'")).isEqualTo("C:\\dir\\n #{not} it's");
    }

    @Test
    void adjacentStringLiterals_areJoinedAsInRuby() {
        assertThat(only("x 'a' \"b#{1}\" 'c'")).isEqualTo("ab1c");
    }

    @Test
    void literals_wordArraysSymbolsNumbersBooleansNil() {
        assertThat(only("x [%w[a b], %w(c\n d), %i[e], 42, -7, 1_000, 2.5, true, false, nil, :\"quoted sym\"]"))
                .isEqualTo(Arrays.asList(List.of("a", "b"), List.of("c", "d"), List.of(new RubySymbol("e")), 42L,
                        -7L, 1000L, 2.5, true, false, null, new RubySymbol("quoted sym")));
    }

    @Test
    void hashes_acceptArrowAndLabelKeys_andTrailingCallHashArguments() {
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put("a", 1L);
        expected.put(new RubySymbol("b"), "two");
        assertThat(only("x({ 'a' => 1, b: 'two' })")).isEqualTo(expected);

        RubySetting.Call c = (RubySetting.Call) eval("cache_options( :path => '/tmp/c', skip: true )").settings()
                .get(0);
        assertThat(c.args()).containsExactly(Map.of(new RubySymbol("path"), "/tmp/c", new RubySymbol("skip"), true));
    }

    @Test
    void statements_continueAcrossOpenBracketsTrailingCommasOperatorsAndBackslashes() {
        RubyScript s = eval("""
                cookbook_path [
                  '/a',
                  '/b',
                ]
                x = 'one' +
                  'two'
                chef_server_url \\
                  "https://#{x}"
                gem 'a',
                    '>= 1'
                y = ENV['NOPE'] ||
                  'fallback'; z y
                """);

        assertThat(s.settings()).extracting(st -> ((RubySetting.Call) st).args()).containsExactly(
                List.of(List.of("/a", "/b")), List.of("https://onetwo"), List.of("a", ">= 1"), List.of("fallback"));
        assertThat(s.settings()).extracting(RubySetting::line).containsExactly(1, 7, 9, 12);
    }

    @Test
    void env_readsVariablesFetchesWithDefaults_andNilForUnset() {
        assertThat(only("x [ENV['USER'], ENV['NOPE'], ENV.fetch('CHEF_ORG'), ENV.fetch('NOPE', 'dflt'), "
                + "ENV['NOPE'] || ENV['USER'], ENV['EMPTY'] || 'x']"))
                .isEqualTo(Arrays.asList("alice", null, "acme", "dflt", "alice", ""));
    }

    @Test
    void envFetch_ofUnsetVariableWithoutDefault_isAnErrorNamingTheVariable() {
        assertThat(failure("\nx ENV.fetch('CHEF_SERVER')")).hasMessage(file.toAbsolutePath().normalize()
                + ":2: ENV.fetch('CHEF_SERVER') fails because CHEF_SERVER is not set: set the environment variable, "
                + "or give a default: ENV.fetch('CHEF_SERVER', 'default')");
    }

    @Test
    void fileAndDirFunctions_computePathsLikeRuby() {
        String chef = file.getParent().toString();
        assertThat(only("""
                x [__FILE__, __dir__, File.dirname(__FILE__), File.join(File.dirname(__FILE__), '..', 'cookbooks'),
                   File.expand_path('../cookbooks', __dir__), File.expand_path('~/.chef/me.pem'),
                   File.expand_path('rel'), File.basename(__FILE__, '.rb'), Dir.home, Dir.pwd, ::File.join('a', 'b')]
                """)).isEqualTo(List.of(file.toString(), chef, chef, chef + "/../cookbooks",
                dir + "/cookbooks", dir + "/home/.chef/me.pem", dir + "/work/rel", "config", dir + "/home",
                dir + "/work", "a/b"));
    }

    @Test
    void fileRead_resolvesRelativePathsAgainstTheWorkingDirectory() throws Exception {
        Files.createDirectories(dir.resolve("work"));
        Files.writeString(dir.resolve("work/NOTES"), "from cwd\n");

        assertThat(only("long_description File.read('NOTES').strip")).isEqualTo("from cwd");
        assertThat(failure("x IO.read('MISSING.md')").getMessage()).contains(":1: IO.read('MISSING.md') cannot read "
                + dir + "/work/MISSING.md: no such file").contains("build it from __dir__");
    }

    @Test
    void valueMethods_toSStripToSymToI() {
        assertThat(only("x [' a '.strip, 'v'.to_sym, '42abc'.to_i, :s.to_s, 7.to_s, nil.to_s, 'A'.downcase.freeze]"))
                .isEqualTo(List.of("a", new RubySymbol("v"), 42L, "s", "7", "", "a"));
    }

    @Test
    void standardStreams_areValues() {
        assertThat(only("log_location STDOUT")).isEqualTo(new RubyIo("STDOUT"));
        assertThat(only("log_location $stderr")).isEqualTo(new RubyIo("STDERR"));
    }

    @Test
    void knifeAssignments_areRecordedWithOrAssignFlag() {
        RubyScript s = eval("""
                knife[:editor] = 'vim'
                knife['ssh_user'] ||= "ubuntu"
                """);

        assertThat(s.settings()).containsExactly(new RubySetting.KnifeAssignment("editor", "vim", false, 1),
                new RubySetting.KnifeAssignment("ssh_user", "ubuntu", true, 2));
    }

    @Test
    void chefConfigIndexAssignment_isASetting() {
        assertThat(eval("Chef::Config[:ssl_verify_mode] = :verify_peer").settings()).containsExactly(
                new RubySetting.Call("ssl_verify_mode", List.of(new RubySymbol("verify_peer")), 1));
    }

    @Test
    void localVariables_supportOrAssignAndPlusAssign_andBlocksSeeThem() {
        RubyScript s = eval("""
                base = '/srv'
                base ||= '/other'
                list = ['a']
                list += ['b']
                list.each do |name|
                  path "#{base}/#{name}"
                end
                """);

        assertThat(s.settings()).extracting(st -> ((RubySetting.Call) st).args().get(0))
                .containsExactly("/srv/a", "/srv/b");
    }

    @Test
    void eachOverLiteralArrays_runsSimpleBodiesWithBracesOrDoEnd() {
        RubyScript s = eval("""
                %w(ubuntu debian).each { |os| supports os }
                [['centos', '>= 7']].each do |os, version|
                  supports os, version
                end
                """);

        assertThat(s.settings()).containsExactly(new RubySetting.Call("supports", List.of("ubuntu"), 1),
                new RubySetting.Call("supports", List.of("debian"), 1),
                new RubySetting.Call("supports", List.of("centos", ">= 7"), 3));
    }

    @Test
    void heredocs_squigglyDedentAndInterpolate() {
        assertThat(only("""
                long_description <<~EOH
                  # #{ENV['USER']}
                    indented
                EOH
                """)).isEqualTo("# alice\n  indented\n");
    }

    @Test
    void settingReadBack_usesTheValueSetEarlierInTheFile() {
        RubyScript s = eval("chef_repo_path '/repo'\ncookbook_path [\"#{chef_repo_path}/cookbooks\"]");

        assertThat(((RubySetting.Call) s.settings().get(1)).args()).containsExactly(List.of("/repo/cookbooks"));
    }

    @Test
    void settingRead_ofSomethingNeverSet_isAnError() {
        assertThat(failure("node_name user").getMessage()).endsWith(":1: user is neither a local variable nor a "
                + "setting this file set earlier (Galley does not compute defaults or other files' values inside "
                + "Ruby): define it first (name = value) or set the value literally");
    }

    @Test
    void require_isSkippedWithAWarningNamingFileAndLine() {
        Logger logger = (Logger) LoggerFactory.getLogger(RubyEvaluator.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            RubyScript s = eval("require 'knife-ec2'\nrequire_relative 'helpers'\nnode_name 'bob'");

            assertThat(s.settings()).containsExactly(new RubySetting.Call("node_name", List.of("bob"), 3));
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                    file + ":1: skipped require (it loads Ruby code, which Galley does not run; it sets no settings)",
                    file + ":2: skipped require_relative (it loads Ruby code, which Galley does not run; it sets no "
                            + "settings)");
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void conditional_isAnErrorNamingTheConstructLineAndWhatToDo() {
        assertThat(failure("node_name 'bob'\n\nif ENV['CI']\n  node_name 'ci'\nend\n")).hasMessage(file
                + ":3: 'if' (a conditional) is not supported: Galley reads the common subset of Ruby in knife "
                + "configuration (strings, symbols, numbers, arrays, hashes, ENV, File.join/dirname/expand_path, "
                + "local variables); set the value literally or move it to ~/.chef/credentials");
    }

    @Test
    void unsupportedConstructs_areErrorsNamingEachOne() {
        assertThat(failure("x 1\nnode_name 'a' unless ENV['X']").getMessage()).contains(":2: 'unless' (a conditional)");
        assertThat(failure("key = `cat /tmp/key`").getMessage()).contains(":1: backticks (running a command)");
        assertThat(failure("eval('node_name 1')").getMessage()).contains(":1: eval (it runs code)");
        assertThat(failure("def helper\nend").getMessage()).contains(":1: 'def' (a method definition)");
        assertThat(failure("class Foo\nend").getMessage()).contains(":1: 'class' (a class definition)");
        assertThat(failure("begin\n x 1\nrescue\nend").getMessage()).contains(":1: 'begin' (exception handling)");
        assertThat(failure("case x\nwhen 1\nend").getMessage()).contains(":1: 'case' (a conditional)");
        assertThat(failure("while true\nend").getMessage()).contains(":1: 'while' (a loop)");
        assertThat(failure("Chef::Log.info('hi')").getMessage()).contains(":1: Chef::Log.info (a method call "
                + "Galley does not evaluate)");
        assertThat(failure("x File.exist?('/etc') ").getMessage()).contains(":1: File.exist? (a method call");
        assertThat(failure("x ENV['A'].split(',')").getMessage()).contains(":1: .split on nil");
        assertThat(failure("x @secret").getMessage()).contains(":1: the instance variable @secret");
        assertThat(failure("x 1 == 2").getMessage()).contains(":1: the operator '=='");
        assertThat(failure("system 'rm -rf /'").getMessage()).contains(":1: system (it runs code)");
        assertThat(failure("[1].map { |a| a }").getMessage()).contains(":1: a block passed to .map");
    }

    @Test
    void assigningToASettingName_isTheChef5552MistakeAndSaysHowToFixIt() {
        assertThat(failure("node_name 'bob'\nchef_server_url = \"https://chef.example.com\"\n")).hasMessage(file
                + ":2: 'chef_server_url = ...' sets a Ruby local variable, not the chef_server_url setting, so knife "
                + "would silently ignore it (chef/chef#5552): remove the '=' and write chef_server_url VALUE");
    }

    @Test
    void aSettingNamedLocalVariableThatIsRead_isAllowed() {
        assertThat(only("node_name = ENV['USER']\nclient_key \"/keys/#{node_name}.pem\"")).isEqualTo(
                "/keys/alice.pem");
    }

    @Test
    void unterminatedString_isAnErrorAtTheLineItOpens() {
        assertThat(failure("x 1\nnode_name 'bob\nx 2\n")).hasMessage(file
                + ":2: the string opened here is never closed: add the closing '");
    }

    @Test
    void missingEnd_isAnErrorAtTheBlock() {
        assertThat(failure("%w(a).each do |os|\n  supports os\n").getMessage()).contains(":1: the block opened here "
                + "is never closed: add 'end'");
    }

    @Test
    void addingNilToAString_saysItIsProbablyAnUnsetVariable() {
        assertThat(failure("x '/home/' + ENV['NOPE']").getMessage()).contains(":1: cannot add nil to String: a nil "
                + "value is often an unset ENV variable");
    }

    @Test
    void settingToString_neverShowsValues() {
        RubySetting.Call c = new RubySetting.Call("encrypted_data_bag_secret", List.of("s3cr3t"), 4);
        RubySetting.KnifeAssignment k = new RubySetting.KnifeAssignment("aws_secret_access_key", "s3cr3t", false, 5);

        assertThat(c.toString() + k).doesNotContain("s3cr3t").contains("encrypted_data_bag_secret");
    }

    @Test
    void blockCommentsAndEndMarker_areSkipped() {
        RubyScript s = eval("=begin\nnode_name 'x'\n=end\nnode_name 'y'\n__END__\nnode_name 'z'\n");

        assertThat(s.settings()).containsExactly(new RubySetting.Call("node_name", List.of("y"), 4));
    }
}
