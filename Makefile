# Thin verbs over CMake; CI uses scripts/test.
.PHONY: all debug unit test bench format-fix clean
all:
	cmake -S . -B build -G Ninja && cmake --build build
debug:
	cmake -S . -B build-debug -G Ninja -DCMAKE_BUILD_TYPE=Debug -DJOBSCOPE_SANITIZE=ON && cmake --build build-debug
unit: all
	ctest --test-dir build -E 'RealData|Glassdoor|CliTest'
test: all
	ctest --test-dir build --output-on-failure
bench: all
	./build/bench/understand_bench && bench/ingest_bench.sh
format-fix:
	find src tests bench -name '*.cc' -o -name '*.h' | xargs clang-format -i
clean:
	rm -rf build build-debug
