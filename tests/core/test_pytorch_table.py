"""Edge cases of cross_entropy against the values PyTorch gives, hard-coded so no torch is needed.

``EXPECTED[(case, dtype)] = (loss, grad)`` holds what ``torch.nn.functional.cross_entropy`` returned
(torch 2.13, CPU) for ``CASES[case]`` in that dtype, with ``grad`` from ``loss.sum().backward()``.
The last test compares against torch live on random inputs, when torch is installed.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from ce_core import cross_entropy, cross_entropy_with_grad

INF = math.inf
NAN = math.nan

W3 = [0.2, 1.0, 3.0]
Z4x3 = [[1.0, 2.0, 0.5], [0.1, -1.2, 2.2], [3.0, 0.0, -3.0], [0.5, 0.5, 0.25]]
P2x3 = [[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]]
Z2x3 = [[0.0, 1.0, 2.0], [1.5, -0.5, 0.0]]
CASES = {
    "masked non-target": ([[0.0, -INF, 1.0, 2.0], [1.0, 0.5, -INF, 0.0]], [3, 0], {}),
    "masked non-target, one example": ([0.0, -INF, 1.0], 2, {}),
    "masked target": ([[0.0, -INF, 1.0], [2.0, 1.0, 0.0]], [1, 0], {}),
    "masked target, one example": ([0.0, -INF, 1.0], 1, {}),
    "masked target, reduction none": (
        [[0.0, -INF, 1.0], [2.0, 1.0, 0.0]],
        [1, 0],
        {"reduction": "none"},
    ),
    "masked non-target + smoothing": (
        [[0.0, -INF, 1.0], [2.0, 1.0, 0.0]],
        [2, 0],
        {"label_smoothing": 0.1},
    ),
    "masked target + smoothing": ([[0.0, -INF, 1.0]], [1], {"label_smoothing": 0.1}),
    "masked non-target + smoothing, none": (
        [[0.0, -INF, 1.0], [2.0, 1.0, 0.0]],
        [2, 0],
        {"label_smoothing": 0.1, "reduction": "none"},
    ),
    "masked target, weight 0": ([[0.0, -INF, 2.0]], [1], {"weight": [1.0, 0.0, 1.0]}),
    "masked non-target + smoothing, weight 0 there": (
        [[0.0, -INF, 2.0]],
        [0],
        {"weight": [1.0, 0.0, 1.0], "label_smoothing": 0.1},
    ),
    "masked row ignored": ([[0.0, -INF, 1.0], [0.0, 1.0, 2.0]], [-100, 1], {}),
    "ignored rows": (Z4x3, [0, -100, 2, -100], {}),
    "ignored rows, sum": (Z4x3, [0, -100, 2, -100], {"reduction": "sum"}),
    "ignored rows, none": (Z4x3, [0, -100, 2, -100], {"reduction": "none"}),
    "all ignored": (Z2x3, [-100, -100], {}),
    "all ignored, sum": (Z2x3, [-100, -100], {"reduction": "sum"}),
    "all ignored, none": (Z2x3, [-100, -100], {"reduction": "none"}),
    "all ignored + weights + smoothing": (
        Z2x3,
        [-100, -100],
        {"weight": W3, "label_smoothing": 0.2},
    ),
    "ignore_index 1": (Z4x3, [1, 0, 2, 1], {"ignore_index": 1}),
    "ignore_index -1 + smoothing": (
        Z4x3,
        [-1, 0, 2, 1],
        {"ignore_index": -1, "label_smoothing": 0.3},
    ),
    "class weights": (Z4x3, [0, 2, 2, 1], {"weight": W3}),
    "class weights, sum": (Z4x3, [0, 2, 2, 1], {"weight": W3, "reduction": "sum"}),
    "class weights, none": (Z4x3, [0, 2, 2, 1], {"weight": W3, "reduction": "none"}),
    "class weights + ignore": (Z4x3, [0, -100, 2, 1], {"weight": W3}),
    "class weights + smoothing": (Z4x3, [0, 2, 2, 1], {"weight": W3, "label_smoothing": 0.2}),
    "class weights + smoothing, sum": (
        Z4x3,
        [0, 2, 2, 1],
        {"weight": W3, "label_smoothing": 0.2, "reduction": "sum"},
    ),
    "class weights + smoothing, none": (
        Z4x3,
        [0, 2, 2, 1],
        {"weight": W3, "label_smoothing": 0.2, "reduction": "none"},
    ),
    "class weights + smoothing + ignore": (
        Z4x3,
        [0, -100, 2, 1],
        {"weight": W3, "label_smoothing": 0.2},
    ),
    "target weight 0": (Z4x3[:3], [0, 1, 2], {"weight": [0.0, 1.0, 1.0]}),
    "every target weight 0": (Z2x3, [0, 0], {"weight": [0.0, 1.0, 1.0]}),
    "every target weight 0, sum": (Z2x3, [0, 0], {"weight": [0.0, 1.0, 1.0], "reduction": "sum"}),
    "every target weight 0 + smoothing": (
        Z2x3,
        [0, 0],
        {"weight": [0.0, 1.0, 1.0], "label_smoothing": 0.1},
    ),
    "smoothing": (Z4x3, [0, 2, 2, 1], {"label_smoothing": 0.1}),
    "smoothing 1": (Z4x3, [0, 2, 2, 1], {"label_smoothing": 1.0}),
    "smoothing + ignore": (Z4x3, [0, -100, 2, 1], {"label_smoothing": 0.25}),
    "probabilities": (Z2x3, P2x3, {}),
    "probabilities, sum": (Z2x3, P2x3, {"reduction": "sum"}),
    "probabilities, none": (Z2x3, P2x3, {"reduction": "none"}),
    "probabilities + weights": (Z2x3, P2x3, {"weight": W3}),
    "probabilities + weights, sum": (Z2x3, P2x3, {"weight": W3, "reduction": "sum"}),
    "probabilities + smoothing": (Z2x3, P2x3, {"label_smoothing": 0.2}),
    "probabilities + weights + smoothing": (Z2x3, P2x3, {"weight": W3, "label_smoothing": 0.2}),
    "probabilities + weights + smoothing, none": (
        Z2x3,
        P2x3,
        {"weight": W3, "label_smoothing": 0.2, "reduction": "none"},
    ),
    "probabilities not summing to 1": (Z2x3, [[0.5, 0.5, 0.5], [0.0, 0.1, 0.0]], {}),
    "probabilities, one example": ([1.0, 2.0, 0.5], [0.1, 0.6, 0.3], {}),
    "probabilities, zero on a masked class": ([[0.0, -INF, 1.0]], [[0.5, 0.0, 0.5]], {}),
    "one example": ([1.0, 2.0, 0.5], 0, {}),
    "one example, none": ([1.0, 2.0, 0.5], 0, {"reduction": "none"}),
    "one example, sum": ([1.0, 2.0, 0.5], 0, {"reduction": "sum"}),
    "one example + weights": ([1.0, 2.0, 0.5], 2, {"weight": W3}),
    "one example + weights, sum": ([1.0, 2.0, 0.5], 2, {"weight": W3, "reduction": "sum"}),
    "one example + smoothing": ([1.0, 2.0, 0.5], 1, {"label_smoothing": 0.3}),
    "one class": ([[3.0], [-2.0]], [0, 0], {}),
    "large logits": ([[1000.0, 0.0, -1000.0], [1e30, 0.0, 1e30]], [2, 1], {"reduction": "none"}),
    "confident": ([[40.0, 0.0, 0.0]], [0], {}),
    "lecture example": (
        [math.log(0.1), math.log(0.1), math.log(0.1), math.log(0.2), math.log(0.5)],
        3,
        {},
    ),
    "empty batch": (np.zeros((0, 3)), np.zeros(0, dtype=np.int64), {}),
}
FLOAT32 = [
    "masked non-target",
    "masked target",
    "masked non-target + smoothing",
    "ignored rows",
    "all ignored",
    "class weights",
    "class weights + ignore",
    "class weights + smoothing",
    "probabilities + weights",
    "probabilities + weights + smoothing",
    "one example",
    "one example + smoothing",
    "target weight 0",
    "large logits",
    "confident",
]


# Generated with torch 2.13.0+cpu: F.cross_entropy(z, target, **options); loss.sum().backward().
EXPECTED = {
    ("masked non-target", "float64"): (
        0.5439378175430575,
        [
            [0.04501528658519022, 0.0, 0.12236423552739882, -0.1673795221125891],
            [-0.246759804472173, 0.1535979428592492, 0.0, 0.09316186161292378],
        ],
    ),
    ("masked non-target, one example", "float64"): (
        0.31326168751822286,
        [0.2689414213699951, 0.0, -0.2689414213699951],
    ),
    ("masked target", "float64"): (
        INF,
        [
            [0.13447071068499755, -0.5, 0.36552928931500245],
            [-0.1673795221125891, 0.12236423552739882, 0.04501528658519022],
        ],
    ),
    ("masked target, one example", "float64"): (
        INF,
        [0.2689414213699951, -1.0, 0.7310585786300049],
    ),
    ("masked target, reduction none", "float64"): (
        [INF, 0.4076059644443804],
        [
            [0.2689414213699951, -1.0, 0.7310585786300049],
            [-0.3347590442251782, 0.24472847105479764, 0.09003057317038043],
        ],
    ),
    ("masked non-target + smoothing", "float64"): (
        INF,
        [
            [0.11780404401833089, -0.016666666666666666, -0.10113737735166423],
            [-0.13404618877925578, 0.10569756886073216, 0.02834861991852355],
        ],
    ),
    ("masked target + smoothing", "float64"): (
        INF,
        [[0.23560808803666178, -0.9333333333333333, 0.6977252452966716]],
    ),
    ("masked non-target + smoothing, none", "float64"): (
        [INF, 0.5076059644443804],
        [
            [0.23560808803666178, -0.03333333333333333, -0.20227475470332845],
            [-0.26809237755851156, 0.21139513772146432, 0.0566972398370471],
        ],
    ),
    ("masked target, weight 0", "float64"): (NAN, [[NAN, NAN, NAN]]),
    ("masked non-target + smoothing, weight 0 there", "float64"): (
        NAN,
        [[-0.8181038420452864, 0.0, 0.8181038420452862]],
    ),
    ("masked row ignored", "float64"): (
        1.4076059644443804,
        [[0.0, 0.0, 0.0], [0.09003057317038043, -0.7552715289452023, 0.6652409557748218]],
    ),
    ("ignored rows", "float64"): (
        3.7576572738154717,
        [
            [-0.3843880511889255, 0.3142658596058812, 0.07012219158304424],
            [0.0, 0.0, 0.0],
            [0.4751651058486897, 0.023657077610912024, -0.49882218345960166],
            [0.0, 0.0, 0.0],
        ],
    ),
    ("ignored rows, sum", "float64"): (
        7.515314547630943,
        [
            [-0.768776102377851, 0.6285317192117624, 0.14024438316608848],
            [0.0, 0.0, 0.0],
            [0.9503302116973794, 0.04731415522182405, -0.9976443669192033],
            [0.0, 0.0, 0.0],
        ],
    ),
    ("ignored rows, none", "float64"): (
        [1.464368784107945, 0.0, 6.050945763522998, 0.0],
        [
            [-0.768776102377851, 0.6285317192117624, 0.14024438316608848],
            [0.0, 0.0, 0.0],
            [0.9503302116973794, 0.04731415522182405, -0.9976443669192033],
            [0.0, 0.0, 0.0],
        ],
    ),
    ("all ignored", "float64"): (NAN, [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]),
    ("all ignored, sum", "float64"): (0.0, [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]),
    ("all ignored, none", "float64"): ([0.0, 0.0], [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]),
    ("all ignored + weights + smoothing", "float64"): (NAN, [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]),
    ("ignore_index 1", "float64"): (
        4.147882101517931,
        [
            [0.0, 0.0, 0.0],
            [-0.4470266128123044, 0.01443693219334767, 0.43258968061895664],
            [0.4751651058486897, 0.023657077610912024, -0.49882218345960166],
            [0.0, 0.0, 0.0],
        ],
    ),
    ("ignore_index -1 + smoothing", "float64"): (
        2.787594554891471,
        [
            [0.0, 0.0, 0.0],
            [-0.23135107520820292, -0.023708711871101552, 0.25505978707930443],
            [0.2834434038991265, -0.017561948259391984, -0.2658814556397344],
            [0.08662248910777752, -0.1467108442255558, 0.0600883551177782],
        ],
    ),
    ("class weights", "float64"): (
        2.7641924760510737,
        [
            [-0.021354891732718085, 0.01745921442254896, 0.0038956773101691245],
            [0.044144489323079676, 0.012030776827789726, -0.05617526615086947],
            [0.3959709215405748, 0.019714231342426686, -0.4156851528830014],
            [0.04998159268379619, -0.0889072962050927, 0.03892570352129648],
        ],
    ),
    ("class weights, sum", "float64"): (
        19.90218582756773,
        [
            [-0.1537552204755702, 0.1257063438423525, 0.028048876633217697],
            [0.31784032312617366, 0.08662159316008602, -0.40446191628626016],
            [2.8509906350921383, 0.14194246566547214, -2.99293310075761],
            [0.3598674673233326, -0.6401325326766674, 0.2802650653533346],
        ],
    ),
    ("class weights, none", "float64"): (
        [0.292873756821589, 0.4344553185385921, 18.152837290568996, 1.0220194616385518],
        [
            [-0.1537552204755702, 0.1257063438423525, 0.028048876633217697],
            [0.31784032312617366, 0.08662159316008602, -0.40446191628626016],
            [2.8509906350921383, 0.14194246566547214, -2.99293310075761],
            [0.3598674673233326, -0.6401325326766674, 0.2802650653533346],
        ],
    ),
    ("class weights + ignore", "float64"): (
        4.635173930721224,
        [
            [-0.03660838582751671, 0.02993008186722678, 0.0066783039602899275],
            [0.0, 0.0, 0.0],
            [0.6788072940695566, 0.033795825158445744, -0.7126031192280022],
            [0.08568273031507918, -0.1524125077801589, 0.06672977746507967],
        ],
    ),
    ("class weights + smoothing", "float64"): (
        2.5570487982935064,
        [
            [-0.009943724774942746, 0.029151012470348448, -0.019207287695405702],
            [0.03758389194343267, 0.0014882347068995647, -0.03907212665033227],
            [0.35188217139106165, 0.00835212073997525, -0.36023429213103686],
            [0.05212826824664804, -0.06639025027187048, 0.014261982025222423],
        ],
    ),
    ("class weights + smoothing, sum", "float64"): (
        18.410751347713244,
        [
            [-0.07159481837958778, 0.20988728978650883, -0.13829247140692108],
            [0.2706040219927152, 0.010715289889676866, -0.2813193118823924],
            [2.533551634015644, 0.060135269327821816, -2.5936869033434653],
            [0.3753235313758659, -0.4780098019574675, 0.1026862705816014],
        ],
    ),
    ("class weights + smoothing, none", "float64"): (
        [0.6776555983408291, 0.6427800845611423, 15.936534646241638, 1.153781018569636],
        [
            [-0.07159481837958778, 0.20988728978650883, -0.13829247140692108],
            [0.2706040219927152, 0.010715289889676866, -0.2813193118823924],
            [2.533551634015644, 0.060135269327821816, -2.5936869033434653],
            [0.3753235313758659, -0.4780098019574675, 0.1026862705816014],
        ],
    ),
    ("class weights + smoothing + ignore", "float64"): (
        4.230469348369549,
        [
            [-0.01704638532847328, 0.04997316423488305, -0.03292677890640978],
            [0.0, 0.0, 0.0],
            [0.6032265795275342, 0.014317921268529, -0.617544500796063],
            [0.08936274556568234, -0.11381185760892083, 0.024449112043238422],
        ],
    ),
    ("target weight 0", "float64"): (
        4.797882101517931,
        [
            [-0.0, 0.0, 0.0],
            [0.05297338718769561, -0.4855630678066523, 0.43258968061895664],
            [0.4751651058486897, 0.023657077610912024, -0.49882218345960166],
        ],
    ),
    ("every target weight 0", "float64"): (NAN, [[NAN, NAN, NAN], [NAN, NAN, NAN]]),
    ("every target weight 0, sum", "float64"): (0.0, [[-0.0, 0.0, 0.0], [-0.0, 0.0, 0.0]]),
    ("every target weight 0 + smoothing", "float64"): (NAN, [[NAN, NAN, NAN], [NAN, NAN, NAN]]),
    ("smoothing", "float64"): (
        2.13928811219559,
        [
            [-0.17552735892779608, 0.14879959646960728, 0.026727762458188788],
            [0.01815336026051447, -0.0011148672366594978, -0.017038493023855017],
            [0.22924921959101152, 0.003495205472122679, -0.23274442506313417],
            [0.08163353349749981, -0.14336646650250018, 0.06173293300500032],
        ],
    ),
    ("smoothing 1", "float64"): (
        1.8580381121955896,
        [
            [-0.02552735892779607, 0.07379959646960728, -0.04827223754181121],
            [-0.05684663973948552, -0.0761148672366595, 0.132961506976145],
            [0.1542492195910115, -0.07150479452787732, -0.08274442506313416],
            [0.006633533497499816, 0.006633533497499816, -0.013267066994999674],
        ],
    ),
    ("smoothing + ignore", "float64"): (
        2.588833558645387,
        [
            [-0.20070314523706143, 0.18173279529280972, 0.01897034994425172],
            [0.0, 0.0, 0.0],
            [0.28899895945468207, -0.012006392703836424, -0.27699256675084555],
            [0.0921780446633331, -0.15782195533666693, 0.06564391067333378],
        ],
    ),
    ("probabilities", "float64"): (
        0.7069808383367636,
        [
            [-0.05498471341480979, -0.027635764472601174, 0.08262047788741089],
            [-0.1319376378437031, 0.04981182403115915, 0.0821258138125439],
        ],
    ),
    ("probabilities, sum", "float64"): (
        1.4139616766735272,
        [
            [-0.10996942682961958, -0.05527152894520235, 0.16524095577482178],
            [-0.2638752756874062, 0.0996236480623183, 0.1642516276250878],
        ],
    ),
    ("probabilities, none", "float64"): (
        [1.1076059644443805, 0.30635571222914665],
        [
            [-0.10996942682961958, -0.05527152894520235, 0.16524095577482178],
            [-0.2638752756874062, 0.0996236480623183, 0.1642516276250878],
        ],
    ),
    ("probabilities + weights", "float64"): (
        0.5956330585117446,
        [
            [0.06282812731674998, 0.07515019337041381, -0.137978320687164],
            [-0.02638752756874062, 0.009962364806231831, 0.016425162762508782],
        ],
    ),
    ("probabilities + weights, sum", "float64"): (
        1.1912661170234893,
        [
            [0.12565625463349997, 0.15030038674082763, -0.275956641374328],
            [-0.05277505513748124, 0.019924729612463662, 0.032850325525017564],
        ],
    ),
    ("probabilities + smoothing", "float64"): (
        0.8536475050034301,
        [
            [-0.06831804674814312, -0.0309690978059345, 0.09928714455407756],
            [-0.06527097117703645, 0.016478490697825816, 0.048792480479210566],
        ],
    ),
    ("probabilities + weights + smoothing", "float64"): (
        0.8397944148770229,
        [
            [0.05620011543058658, 0.06104880731066938, -0.11724892274125615],
            [0.07528077268210397, -0.011416130759623307, -0.06386464192248069],
        ],
    ),
    ("probabilities + weights + smoothing, none", "float64"): (
        [1.111458983039888, 0.5681298467141579],
        [
            [0.11240023086117316, 0.12209761462133877, -0.2344978454825123],
            [0.15056154536420793, -0.022832261519246614, -0.12772928384496138],
        ],
    ),
    ("probabilities not summing to 1", "float64"): (
        1.1710222589447428,
        [
            [-0.18247707012221467, -0.06645364670890178, 0.24893071683111634],
            [0.036806236215629694, -0.045018817596884086, 0.008212581381254391],
        ],
    ),
    ("probabilities, one example", "float64"): (
        1.014368784107945,
        [0.13122389762214903, 0.028531719211762452, -0.1597556168339115],
    ),
    ("probabilities, zero on a masked class", "float64"): (
        NAN,
        [[-0.2310585786300049, 0.0, 0.2310585786300049]],
    ),
    ("one example", "float64"): (
        1.464368784107945,
        [-0.768776102377851, 0.6285317192117624, 0.14024438316608848],
    ),
    ("one example, none", "float64"): (
        1.464368784107945,
        [-0.768776102377851, 0.6285317192117624, 0.14024438316608848],
    ),
    ("one example, sum", "float64"): (
        1.464368784107945,
        [-0.768776102377851, 0.6285317192117624, 0.14024438316608848],
    ),
    ("one example + weights", "float64"): (
        1.964368784107945,
        [0.23122389762214904, 0.6285317192117624, -0.8597556168339116],
    ),
    ("one example + weights, sum", "float64"): (
        5.8931063523238345,
        [0.6936716928664471, 1.8855951576352874, -2.5792668505017344],
    ),
    ("one example + smoothing", "float64"): (
        0.7143687841079448,
        [0.13122389762214903, -0.1714682807882376, 0.04024438316608847],
    ),
    ("one class", "float64"): (0.0, [[0.0], [0.0]]),
    ("large logits", "float64"): ([2000.0, 1e30], [[1.0, 0.0, -1.0], [0.5, -1.0, 0.5]]),
    ("confident", "float64"): (0.0, [[0.0, 4.248354255291589e-18, 4.248354255291589e-18]]),
    ("lecture example", "float64"): (
        1.6094379124341003,
        [0.10000000000000002, 0.10000000000000002, 0.10000000000000002, -0.8, 0.5],
    ),
    ("empty batch", "float64"): (NAN, []),
    ("masked non-target", "float32"): (
        0.5439378023147583,
        [
            [0.04501529037952423, 0.0, 0.12236424535512924, -0.1673794984817505],
            [-0.2467598021030426, 0.15359793603420258, 0.0, 0.09316185861825943],
        ],
    ),
    ("masked target", "float32"): (
        INF,
        [
            [0.13447071611881256, -0.5, 0.36552929878234863],
            [-0.1673794984817505, 0.12236424535512924, 0.04501529037952423],
        ],
    ),
    ("masked non-target + smoothing", "float32"): (
        INF,
        [
            [0.11780405044555664, -0.01666666753590107, -0.10113736987113953],
            [-0.13404616713523865, 0.10569757968187332, 0.02834862284362316],
        ],
    ),
    ("ignored rows", "float32"): (
        3.757657289505005,
        [
            [-0.3843880593776703, 0.3142658472061157, 0.07012218981981277],
            [0.0, 0.0, 0.0],
            [0.47516512870788574, 0.02365707792341709, -0.4988221824169159],
            [0.0, 0.0, 0.0],
        ],
    ),
    ("all ignored", "float32"): (NAN, [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]),
    ("class weights", "float32"): (
        2.764192819595337,
        [
            [-0.02135489322245121, 0.017459215596318245, 0.0038956773933023214],
            [0.044144488871097565, 0.012030777521431446, -0.056175243109464645],
            [0.3959709703922272, 0.01971423253417015, -0.41568517684936523],
            [0.049981601536273956, -0.08890729397535324, 0.03892570734024048],
        ],
    ),
    ("class weights + ignore", "float32"): (
        4.63517427444458,
        [
            [-0.036608390510082245, 0.029930083081126213, 0.006678304634988308],
            [0.0, 0.0, 0.0],
            [0.6788073182106018, 0.03379582613706589, -0.7126031517982483],
            [0.08568274974822998, -0.1524125039577484, 0.06672979146242142],
        ],
    ),
    ("class weights + smoothing", "float32"): (
        2.557049036026001,
        [
            [-0.009943727403879166, 0.029151014983654022, -0.019207289442420006],
            [0.03758389502763748, 0.0014882353134453297, -0.03907211124897003],
            [0.3518822491168976, 0.008352122269570827, -0.3602343499660492],
            [0.052128277719020844, -0.0663902536034584, 0.014261986128985882],
        ],
    ),
    ("target weight 0", "float32"): (
        4.797882080078125,
        [
            [-0.0, 0.0, 0.0],
            [0.05297338590025902, -0.4855630695819855, 0.43258970975875854],
            [0.47516512870788574, 0.02365707792341709, -0.4988221824169159],
        ],
    ),
    ("probabilities + weights", "float32"): (
        0.5956330895423889,
        [
            [0.06282813102006912, 0.07515020668506622, -0.13797827064990997],
            [-0.026387525722384453, 0.00996236503124237, 0.01642516255378723],
        ],
    ),
    ("probabilities + weights + smoothing", "float32"): (
        0.839794397354126,
        [
            [0.056200120598077774, 0.06104881688952446, -0.11724887788295746],
            [0.07528079301118851, -0.01141613069921732, -0.06386464834213257],
        ],
    ),
    ("one example", "float32"): (
        1.4643688201904297,
        [-0.7687761187553406, 0.6285316944122314, 0.14024437963962555],
    ),
    ("one example + smoothing", "float32"): (
        0.7143688201904297,
        [0.1312238872051239, -0.1714683175086975, 0.04024437814950943],
    ),
    ("large logits", "float32"): (
        [2000.0, 1.0000000150474662e30],
        [[1.0, 0.0, -1.0], [0.5, -1.0, 0.5]],
    ),
    ("confident", "float32"): (0.0, [[0.0, 4.24835413113866e-18, 4.24835413113866e-18]]),
}


# Where our semantics differ from PyTorch, on purpose (the spec: ignored rows get 0 gradient).
DIFFERENT_FROM_TORCH = {
    # torch's log_softmax backward gives 0 * nan = nan in an ignored row whose logits are all -inf
    "all -inf row ignored": (
        [[-INF, -INF, -INF], [0.0, 1.0, 2.0]],
        [-100, 0],
        {},
        (
            2.4076059644443806,
            [[0.0, 0.0, 0.0], [-0.9099694268296196, 0.24472847105479764, 0.6652409557748218]],
        ),
        [[NAN, NAN, NAN], [-0.9099694268296196, 0.24472847105479764, 0.6652409557748218]],
    ),
}

TOLERANCE = {"float64": (1e-13, 1e-15), "float32": (4e-6, 4e-7)}


def assert_close(actual, expected, dtype: str) -> None:
    """Compare to a torch value: equal where inf or nan, else within the dtype's tolerance."""
    rtol, atol = TOLERANCE[dtype]
    expected = np.asarray(expected, dtype=np.float64)
    actual = np.asarray(actual, dtype=np.float64)
    assert actual.shape == expected.shape
    scale = max(1.0, float(np.max(np.abs(expected[np.isfinite(expected)]), initial=0.0)))
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol * scale, equal_nan=True)


@pytest.mark.parametrize(("case", "dtype"), list(EXPECTED))
def test_loss_and_grad_equal_pytorch(case, dtype):
    logits, target, options = CASES[case]
    logits = np.asarray(logits, dtype=dtype)
    if np.ndim(target) == np.ndim(logits) and np.size(target) > 0:  # probabilities
        target = np.asarray(target, dtype=dtype)
    expected_loss, expected_grad = EXPECTED[(case, dtype)]
    if options.get("weight") is not None:
        options = {**options, "weight": np.asarray(options["weight"], dtype=dtype)}
    loss, grad = cross_entropy_with_grad(logits, target, **options)
    assert loss.dtype == grad.dtype == np.dtype(dtype)
    assert_close(loss, expected_loss, dtype)
    assert_close(grad, np.reshape(expected_grad, logits.shape), dtype)
    assert_close(cross_entropy(logits, target, **options), expected_loss, dtype)


@pytest.mark.parametrize("case", list(DIFFERENT_FROM_TORCH))
def test_where_we_differ_from_pytorch_on_purpose(case):
    logits, target, options, (expected_loss, expected_grad), torch_grad = DIFFERENT_FROM_TORCH[case]
    loss, grad = cross_entropy_with_grad(np.array(logits), target, **options)
    assert_close(loss, expected_loss, "float64")
    assert_close(grad, expected_grad, "float64")
    assert np.isnan(torch_grad[0][0])


def _random_problem(rng, k, single, probability, masked, ignore_index):
    n = 1 if single else 4
    z = rng.normal(0, 3, (n, k))
    if probability:
        target = rng.dirichlet(np.ones(k), n)
        if masked:
            target[:, 1] = 0.0  # the masked class gets no probability
    else:
        target = rng.integers(0, k, n)
        target[target == 1] = 2  # class 1 is the masked one: keep the loss finite
        if ignore_index == 2:
            target[0] = 2  # at least one ignored row
    if masked:
        z[:, 1] = -np.inf
    if single:
        return z[0], target[0] if probability else int(target[0])
    return z, target


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("probability", [False, True], ids=["class targets", "probabilities"])
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_random_inputs_equal_pytorch_live_for_every_option(dtype, probability, reduction):
    torch = pytest.importorskip("torch")
    functional = pytest.importorskip("torch.nn.functional")
    rng = np.random.default_rng([ord(c) for c in f"{dtype} {probability} {reduction}"])
    k = 5
    ignore_indices = [-100] if probability else [-100, 2]
    combos = itertools.product([False, True], [0.0, 0.2], ignore_indices, [False, True], [0, 1])
    for weighted, smoothing, ignore_index, masked, single in combos:
        z, target = _random_problem(rng, k, bool(single), probability, masked, ignore_index)
        z = z.astype(dtype)
        if probability:
            target = target.astype(dtype)
        weight = rng.uniform(0.5, 2.0, k).astype(dtype) if weighted else None
        options = {
            "weight": weight,
            "ignore_index": ignore_index,
            "reduction": reduction,
            "label_smoothing": smoothing,
        }
        torch_z = torch.tensor(z, requires_grad=True)
        torch_target = torch.tensor(target)
        torch_options = {**options, "weight": None if weight is None else torch.tensor(weight)}
        torch_loss = functional.cross_entropy(torch_z, torch_target, **torch_options)
        torch_loss.sum().backward()
        loss, grad = cross_entropy_with_grad(z, target, **options)
        context = f"{options}, masked={masked}, single={bool(single)}"
        try:
            assert_close(loss, torch_loss.detach().numpy(), dtype)
            assert_close(grad, torch_z.grad.numpy(), dtype)
        except AssertionError as error:
            raise AssertionError(
                f"{context}\nz={z.tolist()}\ntarget={np.asarray(target).tolist()}"
            ) from error
