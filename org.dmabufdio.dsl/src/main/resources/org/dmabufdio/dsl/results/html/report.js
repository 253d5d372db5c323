// Draws the HTML report's charts with uPlot, from the JSON the page carries (#dmabufdio-data).
// Every element with class "chart" says what to draw: data-kind="timeline" (a run's counters,
// data-x="step" or "time"; charts with the same data-scale share their y scales, to compare
// kernels) or data-kind="bars" (a table). After a chart's first draw its element gets
// data-ink (coloured pixels on its canvas, so a test can tell a drawn chart from an empty frame)
// and <body> gets data-drawn (charts drawn so far) beside data-charts (charts on the page);
// a script error lands in data-error.
(function () {
	'use strict';
	var body = document.body;
	window.addEventListener('error', function (e) {
		body.setAttribute('data-error', String(e.message));
	});

	// One colour per counter, the same in every chart; saturated, so that ink counting can tell
	// them from the grey grid, the black axes and the white background. The process's counters
	// have the left axis, the system's the right: a 64 MiB RSS would be a flat line at the foot
	// of a 16 GiB MemFree scale.
	var COUNTERS = [
		['VmRSS', '#d62728', 'proc'], ['RssFile', '#1f77b4', 'proc'], ['RssShmem', '#9467bd', 'proc'],
		['Cached', '#2ca02c', 'sys'], ['MemFree', '#ff7f0e', 'sys'], ['Mapped', '#17becf', 'sys']
	];
	var BAR_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

	// kB as the reader thinks of them: kB, MiB, GiB.
	function kb(v) {
		if (v == null) return '';
		if (v === 0) return '0';
		if (Math.abs(v) >= 1048576) return (v / 1048576).toFixed(v % 1048576 === 0 ? 0 : 2) + ' GiB';
		if (Math.abs(v) >= 1024) return (v / 1024).toFixed(v % 1024 === 0 ? 0 : 1) + ' MiB';
		return v + ' kB';
	}

	// Ticks at powers of two of kB, so that an axis reads 512 MiB, 1 GiB, 2 GiB.
	var KB_INCRS = [];
	for (var p = 0; p < 44; p++) KB_INCRS.push(Math.pow(2, p));

	function width(el, fallback) {
		var w = el.clientWidth;
		return Math.max(280, Math.floor(w > 0 ? w : fallback));
	}

	function rgb(hex) {
		return [1, 3, 5].map(function (i) { return parseInt(hex.substr(i, 2), 16); });
	}

	// Coloured pixels of a canvas (chroma over 60: not the white, grey and black of the frame),
	// and per colour given, those within a small distance of it.
	function ink(canvas, colours) {
		var px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
		var total = 0, per = colours.map(function () { return 0; }), rgbs = colours.map(rgb);
		for (var i = 0; i < px.length; i += 4) {
			if (px[i + 3] === 0) continue;
			var r = px[i], g = px[i + 1], b = px[i + 2];
			if (Math.max(r, g, b) - Math.min(r, g, b) > 60) total++;
			for (var c = 0; c < rgbs.length; c++) {
				if (Math.abs(r - rgbs[c][0]) + Math.abs(g - rgbs[c][1]) + Math.abs(b - rgbs[c][2]) < 24) per[c]++;
			}
		}
		return { total: total, per: per };
	}

	var drawn = 0;
	function whenDrawn(el, colours) {
		var first = true;
		return function (u) {
			if (!first) return;
			first = false;
			var i = ink(u.ctx.canvas, colours);
			el.setAttribute('data-ink', String(i.total));
			el.setAttribute('data-series-ink', i.per.join(','));
			body.setAttribute('data-drawn', String(++drawn));
		};
	}

	// the largest value of each scale, over the runs given
	function maxima(runs) {
		var max = { proc: 0, sys: 0 };
		runs.forEach(function (run) {
			COUNTERS.forEach(function (c) {
				(run.counters[c[0]] || []).forEach(function (v) {
					if (v != null && v > max[c[2]]) max[c[2]] = v;
				});
			});
		});
		return max;
	}

	function timeline(el, run, byTime, max) {
		var n = run.steps.length;
		var xs = byTime ? run.ms : run.steps.map(function (_, i) { return i + 1; });
		var data = [xs];
		var series = [{
			label: byTime ? 'ms' : 'step',
			value: function (u, v, si, i) { return i == null ? '' : run.steps[i]; }
		}];
		COUNTERS.forEach(function (c) {
			data.push(run.counters[c[0]] || xs.map(function () { return null; }));
			series.push({ label: c[0], stroke: c[1], scale: c[2], width: 2, spanGaps: true, points: { show: n <= 30, size: 5 },
				value: function (u, v) { return kb(v); } });
		});
		return new uPlot({
			title: byTime ? 'Memory over simulated time' : 'Memory over the steps',
			width: width(el, 560), height: 240,
			scales: {
				x: { time: false, range: byTime ? null : [0.5, Math.max(1.5, n + 0.5)] },
				proc: { range: [0, Math.max(1024, max.proc) * 1.05] },
				sys: { range: [0, Math.max(1024, max.sys) * 1.05] }
			},
			axes: [
				{ label: byTime ? 'simulated time (ms)' : 'step', values: byTime ? null : function (u, splits) {
					return splits.map(function (v) { return Number.isInteger(v) ? String(v) : ''; });
				} },
				{ scale: 'proc', label: 'process', size: 70, incrs: KB_INCRS, values: function (u, splits) { return splits.map(kb); } },
				{ scale: 'sys', label: 'system', side: 1, size: 70, incrs: KB_INCRS, grid: { show: false },
					values: function (u, splits) { return splits.map(kb); } }
			],
			series: series,
			hooks: { draw: [whenDrawn(el, COUNTERS.map(function (c) { return c[1]; }))] }
		}, data, el);
	}

	// Grouped bars with uPlot's bars path builder: every series has a slot in each group and
	// one slot is left empty between groups; the x axis names each group at its centre.
	function bars(el, table) {
		var groups = table.groups, names = table.series, S = names.length, G = groups.length, slots = S + 1;
		var xs = [];
		for (var k = 0; k < G * slots; k++) xs.push(k);
		var data = [xs];
		var colours = names.map(function (_, s) { return BAR_COLOURS[s % BAR_COLOURS.length]; });
		var series = [{ label: 'group', value: function (u, v) { return v == null ? '' : groups[Math.floor(v / slots)] || ''; } }];
		names.forEach(function (name, s) {
			data.push(xs.map(function (x) {
				return x % slots === s ? table.values[s][Math.floor(x / slots)] : null;
			}));
			series.push({ label: name, stroke: colours[s], fill: colours[s], width: 0,
				paths: uPlot.paths.bars({ size: [0.9, 120], align: 0 }), points: { show: false },
				value: function (u, v) { return v == null ? '' : v.toFixed(0) + ' ms'; } });
		});
		function labelBars(u) {
			var ctx = u.ctx;
			ctx.save();
			ctx.font = Math.round(12 * devicePixelRatio) + 'px system-ui, sans-serif';
			ctx.fillStyle = '#222';
			ctx.textAlign = 'center';
			ctx.textBaseline = 'bottom';
			for (var s = 1; s < u.series.length; s++) {
				u.data[s].forEach(function (v, i) {
					if (v == null) return;
					ctx.fillText(v.toFixed(0), u.valToPos(u.data[0][i], 'x', true), u.valToPos(v, 'y', true) - 2);
				});
			}
			ctx.restore();
		}
		return new uPlot({
			title: table.title,
			width: Math.min(width(el, 720), 820), height: 300,
			scales: {
				x: { time: false, range: [-0.7, G * slots - 1.3] },
				y: { range: function (u, min, max) { return [0, Math.max(1, max) * 1.12]; } }
			},
			axes: [
				{ splits: function () { return groups.map(function (_, g) { return g * slots + (S - 1) / 2; }); },
					values: function (u, splits) { return splits.map(function (_, g) { return groups[g]; }); },
					grid: { show: false } },
				{ label: 'ms', size: 60 }
			],
			series: series,
			hooks: { draw: [labelBars, whenDrawn(el, colours)] }
		}, data, el);
	}

	try {
		var data = JSON.parse(document.getElementById('dmabufdio-data').textContent);
		var charts = Array.prototype.slice.call(document.querySelectorAll('.chart'));
		body.setAttribute('data-charts', String(charts.length));
		body.setAttribute('data-drawn', '0');
		// the charts of one comparison share their scales: the largest counters any of them shows
		var together = {};
		charts.forEach(function (el) {
			var scale = el.getAttribute('data-scale'), run = data.runs[+el.getAttribute('data-run')];
			if (scale && run) (together[scale] = together[scale] || []).push(run);
		});
		charts.forEach(function (el) {
			var kind = el.getAttribute('data-kind');
			if (kind === 'timeline') {
				var run = data.runs[+el.getAttribute('data-run')];
				var scale = el.getAttribute('data-scale');
				if (run) timeline(el, run, el.getAttribute('data-x') === 'time', maxima(scale ? together[scale] : [run]));
			} else if (kind === 'bars') {
				var table = data.tables[+el.getAttribute('data-table')];
				if (table) bars(el, table);
			}
		});
	} catch (e) {
		body.setAttribute('data-error', String(e && e.stack || e));
	}
})();
