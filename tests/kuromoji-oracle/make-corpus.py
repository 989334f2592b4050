#!/usr/bin/env python3
"""Assembles tests/Catalog.Japanese.Tests/Golden/kuromoji-corpus.txt (deterministic).

The corpus is: the MeCab golden corpus (seed documents plus our own lines), prose.txt (lines we
wrote), then lines built from small word lists below: katakana compounds (known and unknown
words), long kanji compounds, Latin letters and digits, punctuation runs, spaces and line breaks.
In the corpus the two characters backslash, n stand for a line break inside one document.
"""
import pathlib
import random

here = pathlib.Path(__file__).resolve().parent
golden = here.parent / "Catalog.Japanese.Tests" / "Golden"
rng = random.Random(16)

katakana = ["プリファレンス", "ファイル", "データ", "ベース", "サーバー", "クライアント", "アプリ", "ケーション",
            "ユーザー", "インターフェース", "スマート", "シティ", "モビリティ", "プラットフォーム", "ソリューション",
            "マネジメント", "コンサルティング", "ガバナンス", "ダッシュボード", "ワークフロー", "チャットボット",
            "ヘルスケア", "ウェルビーイング", "レジリエンス", "サステナビリティ", "イノベーション", "エコシステム",
            "スタートアップ", "アクセラレーター", "インキュベーション", "オープン", "イノベーション", "ハブ",
            "ポータル", "サイト", "リニューアル", "オンライン", "セミナー", "ワークショップ", "フォーラム",
            "ピッチ", "コンテスト", "ハッカソン", "アイデアソン", "リビング", "ラボ", "テスト", "ベッド",
            "ゲノム", "バイオ", "ナノ", "テクノロジー", "ロボティクス", "メタバース", "アバター", "デジタル",
            "ツイン", "シミュレーション", "モデリング", "アーカイブ", "キュレーション", "クラウド", "ネイティブ",
            "グリコ", "ポッキー", "ホワイトボード", "マーカー", "ペン", "ノート", "パソコン", "タブレット",
            "ルーター", "ケーブル", "バッテリー", "ソーラー", "パネル", "ヒートポンプ", "ボイラー"]
kanji = ["地域", "経済", "活性化", "推進", "事業", "計画", "策定", "支援", "交付金", "補助金", "制度", "改革",
         "情報", "通信", "技術", "基盤", "整備", "行政", "手続", "電子化", "住民", "福祉", "向上", "施策",
         "総合", "戦略", "会議", "委員会", "検討", "報告書", "環境", "保全", "対策", "防災", "減災", "強靱化",
         "国土", "交通", "物流", "観光", "振興", "産業", "創出", "雇用", "人材", "育成", "教育", "研究",
         "開発", "拠点", "形成", "連携", "協定", "締結", "実証", "実験", "運用", "管理", "評価", "指標"]
hira = ["の", "を", "に", "は", "が", "で", "と", "から", "まで", "より", "へ", "や", "では", "には",
        "ことに", "ことで", "として", "について", "における"]
verbs = ["する。", "した。", "します。", "しました。", "を行う。", "を実施する。", "が必要だ。", "を目指す。",
         "について検討する。", "に取り組む。", "を推進している。", "を図る。", "である。", "ではない。"]
latin = ["AI", "IoT", "ICT", "DX", "GX", "EBPM", "RPA", "API", "SaaS", "PaaS", "GIS", "GPS", "LPWA", "5G",
         "Beyond5G", "NFT", "Web3", "ChatGPT", "GPT-4", "LLM", "OCR", "QRコード", "USB-C", "Wi-Fi6",
         "iOS", "Android", "Linux", "Windows11", "Python3.12", "Node.js", "C#", ".NET", "JSON", "CSV",
         "Ｅｘｃｅｌ", "ＰＤＦ", "ＡＰＩ", "ＩＣＴ", "ｅラーニング", "Ｗｅｂ会議", "ｉＰａｄ"]
puncts = ["。", "、", "！", "？", "「", "」", "『", "』", "（", "）", "(", ")", "【", "】", "・", "…", "‥",
          "ー", "―", "－", "-", "〜", "~", "：", ":", "；", ";", "，", ",", "．", ".", "／", "/", "＆", "&",
          "＃", "#", "％", "%", "＋", "+", "＝", "=", "※", "○", "●", "◎", "△", "▲", "□", "■", "→", "←",
          "\"", "'", "“", "”", "‘", "’", "＜", "＞", "《", "》", "〔", "〕", "［", "］", "｛", "｝", "｜", "|",
          "＿", "_", "＠", "@", "￥", "¥", "＄", "$", "℃", "°", "♪", "☆", "★", "々", "〃", "ゝ", "ヽ"]
spaces = [" ", "  ", "\u3000", "\t", " \u3000 ", "\\n", "\\n\\n", " \\n "]
halfwidth = ["ｶﾀｶﾅ", "ﾃﾞｰﾀ", "ｻｰﾋﾞｽ", "ﾎﾟｲﾝﾄ", "ｷｬﾝﾍﾟｰﾝ", "ｱﾌﾟﾘ", "ﾒｰﾙ", "ﾊﾟｽﾜｰﾄﾞ"]
numbers = ["1", "12", "123", "1,234", "12.5", "0.05", "１", "２０", "３００", "四", "十五", "百二十",
           "二〇二四", "2024", "10万", "3億", "５千", "½", "①", "②", "Ⅲ", "ⅳ"]


def pick(xs):
    return rng.choice(xs)


def katakana_compound():
    return "".join(pick(katakana) for _ in range(rng.randint(2, 4)))


def kanji_compound():
    return "".join(pick(kanji) for _ in range(rng.randint(2, 5)))


def generated():
    lines = []
    for _ in range(160):  # katakana compounds in sentences
        lines.append(katakana_compound() + pick(hira) + katakana_compound() + pick(verbs))
    for _ in range(160):  # long kanji compounds
        lines.append(kanji_compound() + pick(hira) + kanji_compound() + pick(verbs))
    for _ in range(120):  # Latin, digits, mixed scripts
        lines.append(pick(latin) + pick(numbers) + pick(["件", "台", "円", "%", "人", "年", "回", ""]) + pick(hira)
                     + pick(latin) + pick(kanji) + pick(verbs))
    for _ in range(120):  # punctuation runs between words
        parts = []
        for _ in range(rng.randint(2, 5)):
            parts.append(pick([pick(kanji), pick(katakana), pick(latin), pick(hira), pick(numbers)]))
            parts.append("".join(pick(puncts) for _ in range(rng.randint(1, 4))))
        lines.append("".join(parts))
    for _ in range(100):  # spaces, tabs and line breaks
        parts = []
        for _ in range(rng.randint(2, 6)):
            parts.append(pick([kanji_compound(), katakana_compound(), pick(latin), pick(hira) + pick(kanji)]))
            parts.append(pick(spaces))
        lines.append(pick(["", " ", "\u3000", "\\n"]) + "".join(parts))
    for _ in range(60):  # half-width katakana and full-width forms
        lines.append(pick(halfwidth) + pick(hira) + pick(halfwidth) + pick(puncts) + pick(latin) + pick(verbs))
    for _ in range(60):  # hiragana-only runs (the lattice decides everything)
        lines.append("".join(pick(hira) for _ in range(rng.randint(3, 9))) + pick(["。", "", "ね", "よ"]))
    return lines


def edges():
    """Lines aimed at Kuromoji's corners: long runs (its 1,024-character limits), the EUC-JP dash,
    the katakana middle dot, surrogate pairs, zero-width joiners and line breaks."""
    lines = [
        "ダッシュ—とバー―と二重――と全角－の違い",
        "——そして—彼は―言った――。",
        "ジョン・スミスとメアリー・ジョーンズ・ブラウン",
        "・・・中黒だけ・の行・",
        "〇〇市の〇〇課、二〇二〇年",
        "𠮷野家の𩸽定食と𠀋",
        "家族👨‍👩‍👧‍👦と国旗🇯🇵",
        "👍👍👍いいね",
        "ｶﾞｷﾞｸﾞｹﾞｺﾞ ﾊﾟﾋﾟﾌﾟ ｳﾞｧ",
        "一行目\\n二行目\\n\\n三行目",
        "\\n\\n先頭に改行",
        "末尾に改行\\n",
        "ソフトウェア\\nエンジニア",
        "東京都\\n千代田区",
        "あ" * 1100,
        "ア" * 1030,
        "漢字" * 600,
        "".join(kanji) * 12,
        "".join(katakana) * 3,
        "の" * 50 + "。" * 30 + "、" * 30,
        "x" * 1100 + "の" + "1" * 1030,
        "。" * 1100,
        " " * 40 + "空白" + " " * 40,
        "　" * 10 + "全角空白　　二つ",
    ]
    long_prose = "".join(pick([kanji_compound(), katakana_compound(), pick(hira), pick(latin), "。", "、"])
                         for _ in range(900))
    lines.append(long_prose)
    lines.append(long_prose.replace("。", "").replace("、", ""))
    return lines


def main():
    out = []
    out += (golden / "corpus.txt").read_text(encoding="utf-8").splitlines()
    out += (here / "prose.txt").read_text(encoding="utf-8").splitlines()
    out += generated()
    out += edges()
    text = "\n".join(out) + "\n"
    (golden / "kuromoji-corpus.txt").write_text(text, encoding="utf-8")
    print(len(out), "lines")


main()
