namespace TakeoverRules.Tests.Links;

/// <summary>
/// Honest domains a look-alike check must not flag: popular Japanese and global sites, other Japanese companies
/// (many on .co.jp, some sharing a word or a few letters with a broker), other brokers, regulators, and group sites
/// of the brokers that must come out <c>related</c>. Test data only; not facts the library ships.
/// </summary>
public static class HonestDomains
{
    /// <summary>Sites of the brokers' groups (or sharing the group name): expected <c>related</c>, never look-alike.</summary>
    public static readonly string[] Related =
    [
        "rakuten.co.jp", "www.rakuten.co.jp", "travel.rakuten.co.jp", "rakuten.com", "rakuten-bank.co.jp", "rakuten-card.co.jp",
        "rakuten.ne.jp", "rakuten-life.co.jp", "rakutenmobile.co.jp", "rakuten-sonpo.co.jp", "rakuten.jp", "global.rakuten.com",
        "sbigroup.co.jp", "sbishinseibank.co.jp", "sbi-sonpo.co.jp", "sbiwealth.co.jp", "sbinet.co.jp",
        "smbc.co.jp", "smbc-card.com", "smbcgroup.com", "mizuhobank.co.jp", "mizuho-fg.co.jp", "mizuho-rt.co.jp",
        "nomuraholdings.com", "nomura-re.co.jp", "monexgroup.jp", "mufg.jp", "www.mufg.jp", "bk.mufg.jp", "daiwahouse.co.jp",
        "daiwa-grp.jp", "okasan-am.jp", "gmo.jp", "gmo-pg.com", "matsuiya.co.jp",
    ];

    /// <summary>Other honest domains: expected <c>unrelated</c> (or <c>related</c>), never look-alike.</summary>
    public static readonly string[] Other =
    [
        // Japanese portals, media, shops, services
        "yahoo.co.jp", "www.yahoo.co.jp", "news.yahoo.co.jp", "finance.yahoo.co.jp", "google.co.jp", "amazon.co.jp", "nikkei.com",
        "asahi.com", "mainichi.jp", "yomiuri.co.jp", "sankei.com", "nhk.or.jp", "jiji.com", "kyodonews.jp", "tbs.co.jp",
        "fujitv.co.jp", "tv-asahi.co.jp", "ntv.co.jp", "tv-tokyo.co.jp", "toyokeizai.net", "diamond.jp", "president.jp",
        "itmedia.co.jp", "impress.co.jp", "watch.impress.co.jp", "gigazine.net", "cnet.com", "zdnet.com", "livedoor.com",
        "news.livedoor.com", "mixi.jp", "goo.ne.jp", "excite.co.jp", "biglobe.ne.jp", "nifty.com", "so-net.ne.jp", "ocn.ne.jp",
        "docomo.ne.jp", "au.com", "softbank.jp", "kddi.com", "ntt.com", "ntt-west.co.jp", "ntt-east.co.jp", "line.me",
        "mercari.com", "jp.mercari.com", "zozo.jp", "yodobashi.com", "biccamera.com", "kakaku.com", "tabelog.com",
        "gnavi.co.jp", "hotpepper.jp", "jalan.net", "jal.co.jp", "ana.co.jp", "jreast.co.jp", "jr-central.co.jp", "westjr.co.jp",
        "uniqlo.com", "muji.com", "nitori-net.jp", "aeon.com", "ito-yokado.co.jp", "7andi.com", "lawson.co.jp", "family.co.jp",
        "sej.co.jp", "cookpad.com", "pixiv.net", "nicovideo.jp", "dmm.com", "abema.tv", "hatena.ne.jp", "note.com", "qiita.com",
        "zenn.dev", "ameblo.jp", "fc2.com", "weblio.jp", "wikipedia.org", "ja.wikipedia.org", "kotobank.jp", "weathernews.jp",
        "tenki.jp", "jma.go.jp", "japanpost.jp", "post.japanpost.jp", "kuronekoyamato.co.jp", "sagawa-exp.co.jp", "suumo.jp",
        "homes.co.jp", "athome.co.jp", "recruit.co.jp", "rikunabi.com", "mynavi.jp", "doda.jp", "en-japan.com", "indeed.com",
        "paypay.ne.jp", "paypay-bank.co.jp", "paypay-card.co.jp", "aupay.auone.jp", "merpay.com", "jcb.co.jp", "saisoncard.co.jp",
        "aeonbank.co.jp", "jibunbank.co.jp", "japannetbank.co.jp", "sonybank.net", "smbctb.co.jp", "resonabank.co.jp",
        "shinseibank.com", "jp-bank.japanpost.jp", "yuchokyoiku.jp", "seven-bank.co.jp", "lifenet-seimei.co.jp", "nissay.co.jp",
        "dai-ichi-life.co.jp", "meijiyasuda.co.jp", "sompo-japan.co.jp", "tokiomarine-nichido.co.jp", "aioinissaydowa.co.jp",
        "ms-ins.com", "axa.co.jp", "aflac.co.jp", "prudential.co.jp", "kantei.go.jp", "e-gov.go.jp", "digital.go.jp",
        "mof.go.jp", "meti.go.jp", "soumu.go.jp", "mhlw.go.jp", "nta.go.jp", "boj.or.jp", "jpx.co.jp", "jsda.or.jp",
        "fsa.go.jp", "finmac.or.jp", "npa.go.jp", "zenginkyo.or.jp", "kokusen.go.jp", "caa.go.jp", "police.pref.osaka.lg.jp",
        "metro.tokyo.lg.jp", "city.yokohama.lg.jp", "city.kawasaki.jp", "pref.aichi.jp", "u-tokyo.ac.jp", "kyoto-u.ac.jp",
        "osaka-u.ac.jp", "tohoku.ac.jp", "keio.ac.jp", "waseda.jp", "nagoya-u.ac.jp", "titech.ac.jp", "riken.jp", "jaxa.jp",
        // Japanese companies (.co.jp and others), some close to a broker's name
        "toyota.co.jp", "global.toyota", "honda.co.jp", "nissan.co.jp", "mazda.co.jp", "subaru.co.jp", "suzuki.co.jp",
        "yamaha.com", "sony.co.jp", "sony.com", "panasonic.com", "panasonic.jp", "hitachi.co.jp", "toshiba.co.jp", "sharp.co.jp",
        "fujitsu.com", "nec.com", "canon.jp", "nikon.co.jp", "olympus.co.jp", "ricoh.co.jp", "kyocera.co.jp", "murata.com",
        "tdk.com", "omron.com", "keyence.co.jp", "fanuc.co.jp", "daikin.co.jp", "mitsubishielectric.co.jp", "mhi.com",
        "mitsubishicorp.com", "mitsui.com", "mitsui.co.jp", "mitsuifudosan.co.jp", "mitsui-fudosan.co.jp", "sumitomocorp.com",
        "itochu.co.jp", "marubeni.com", "sojitz.com", "toyota-tsusho.com", "nipponsteel.com", "jfe-holdings.co.jp", "kobelco.co.jp",
        "ajinomoto.co.jp", "kirin.co.jp", "asahibeer.co.jp", "suntory.co.jp", "sapporobeer.jp", "meiji.co.jp", "morinaga.co.jp",
        "glico.com", "calbee.co.jp", "nissin.com", "kao.com", "shiseido.co.jp", "lion.co.jp", "unicharm.co.jp", "takeda.com",
        "astellas.com", "daiichisankyo.co.jp", "eisai.co.jp", "otsuka.com", "shionogi.com", "chugai-pharm.co.jp", "bridgestone.co.jp",
        "komatsu.jp", "kubota.co.jp", "shimano.com", "asics.com", "mizuno.com", "mizuno.jp", "descente.co.jp", "nintendo.co.jp",
        "nintendo.com", "square-enix.co.jp", "capcom.co.jp", "bandainamco.co.jp", "konami.com", "sega.jp", "koei-tecmo.co.jp",
        "dentsu.co.jp", "hakuhodo.co.jp", "nomura-system.co.jp", "nri.com", "ntt-data.co.jp", "scsk.jp", "otsuka-shokai.co.jp",
        "kintetsu.co.jp", "hankyu.co.jp", "tokyu.co.jp", "odakyu.jp", "keio.co.jp", "seibu-group.co.jp", "tobu.co.jp",
        "daimaru.co.jp", "takashimaya.co.jp", "mitsukoshi.co.jp", "isetan.mistore.jp", "sogo-seibu.jp", "matsuya.com",
        "matsuzakaya.co.jp", "matsumotokiyoshi.co.jp", "tsuruha.co.jp", "sundrug.co.jp", "welcia.co.jp", "cainz.com",
        "monotaro.com", "askul.co.jp", "daiso-sangyo.co.jp", "yoshinoya.com", "sukiya.jp", "matsuyafoods.co.jp", "mos.jp",
        "mcdonalds.co.jp", "starbucks.co.jp", "doutor.co.jp", "komeda.co.jp", "saizeriya.co.jp", "skylark.co.jp", "ootoya.com",
        "nomura-g.co.jp", "nomurakougei.co.jp", "noritz.co.jp", "monoqlo.jp", "money.co.jp", "moneyforward.com", "zaim.net",
        "kabutan.jp", "minkabu.jp", "kabuyoho.jp", "traders.co.jp", "shikiho.toyokeizai.net", "morningstar.co.jp", "wealthnavi.com",
        "theo.blue", "folio-sec.com", "paypay-sec.co.jp", "line-sec.co.jp", "tokaitokyo.co.jp", "toyo-sec.co.jp", "aizawa.co.jp",
        "ichiyoshi.co.jp", "marusan-sec.co.jp", "mito.co.jp", "kyokuto-sec.co.jp", "iwaiya.co.jp", "cosmo-oil.co.jp",
        "cosmo-energy.co.jp", "naitohotel.co.jp", "click.jp", "clickjapan.org", "daiwa-lease.co.jp", "daiwabo.co.jp",
        "matsui-kogyo.co.jp", "monex.example-news.org", "nikkoam.com", "nikko-kanko.jp", "shokenkaisha.example.org",
        // Global sites
        "google.com", "www.google.com", "youtube.com", "facebook.com", "instagram.com", "twitter.com", "x.com", "tiktok.com",
        "linkedin.com", "reddit.com", "pinterest.com", "tumblr.com", "github.com", "gitlab.com", "stackoverflow.com",
        "microsoft.com", "apple.com", "icloud.com", "amazon.com", "aws.amazon.com", "netflix.com", "spotify.com", "adobe.com",
        "salesforce.com", "oracle.com", "ibm.com", "intel.com", "nvidia.com", "amd.com", "samsung.com", "lg.com", "dell.com",
        "hp.com", "lenovo.com", "asus.com", "cisco.com", "zoom.us", "slack.com", "dropbox.com", "box.com", "notion.so",
        "paypal.com", "stripe.com", "visa.com", "mastercard.com", "americanexpress.com", "wise.com", "revolut.com", "binance.com",
        "coinbase.com", "kraken.com", "bitflyer.com", "coincheck.com", "bloomberg.com", "reuters.com", "ft.com", "wsj.com",
        "nytimes.com", "washingtonpost.com", "theguardian.com", "bbc.co.uk", "bbc.com", "cnn.com", "economist.com", "forbes.com",
        "yahoo.com", "bing.com", "duckduckgo.com", "baidu.com", "naver.com", "daum.net", "qq.com", "weibo.com", "alibaba.com",
        "taobao.com", "aliexpress.com", "ebay.com", "etsy.com", "walmart.com", "target.com", "ikea.com", "booking.com",
        "expedia.com", "airbnb.com", "tripadvisor.com", "agoda.com", "uber.com", "lyft.com", "wikipedia.com", "wikimedia.org",
        "archive.org", "mozilla.org", "python.org", "nodejs.org", "npmjs.com", "nuget.org", "docker.com", "kubernetes.io",
        "cloudflare.com", "akamai.com", "fastly.com", "godaddy.com", "namecheap.com", "wordpress.com", "wix.com", "shopify.com",
        "medium.com", "substack.com", "quora.com", "imdb.com", "twitch.tv", "discord.com", "telegram.org", "whatsapp.com",
        "signal.org", "proton.me", "gmail.com", "outlook.com", "hotmail.com", "office.com", "live.com", "msn.com",
        "goldmansachs.com", "morganstanley.com", "jpmorgan.com", "chase.com", "bankofamerica.com", "citi.com", "hsbc.com",
        "barclays.co.uk", "ubs.com", "credit-suisse.com", "deutsche-bank.de", "bnpparibas.com", "schwab.com", "fidelity.com",
        "vanguard.com", "etrade.com", "robinhood.com", "interactivebrokers.com", "tdameritrade.com", "nasdaq.com", "nyse.com",
        "lseg.com", "sgx.com", "hkex.com.hk", "sec.gov", "finra.org", "fca.org.uk", "esma.europa.eu", "imf.org", "worldbank.org",
        "oecd.org", "un.org", "who.int", "europa.eu", "gov.uk", "usa.gov", "canada.ca", "australia.gov.au", "nasa.gov",
        "mit.edu", "stanford.edu", "harvard.edu", "ox.ac.uk", "cam.ac.uk", "ethz.ch", "tsinghua.edu.cn", "nus.edu.sg",
        "monash.edu", "unimelb.edu.au", "toronto.ca", "mcgill.ca", "sorbonne-universite.fr", "uni-heidelberg.de",
        "blogspot.com", "example.blogspot.com", "someone.github.io", "s3.amazonaws.com", "cloudfront.net", "azurewebsites.net",
        "herokuapp.com", "vercel.app", "netlify.app", "pages.dev", "firebaseapp.com", "appspot.com",
        "monexia.com", "monet.com", "kabuki.jp", "kabuki-za.co.jp", "nomad.com", "matsuri.jp", "daiwa.co.uk.example.org",
    ];

    public static IEnumerable<string> All => Related.Concat(Other);
}
