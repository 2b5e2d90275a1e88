# English positives. Script DSL: see ../make_devset.py (docstring).
CONVS = [
dict(id="en_groom_football_coach", labels=["grooming"], people={"A": "Coach Rob", "B": "Ethan"}, off="A", tgt="B",
     note="adult coach grooms 13-year-old player: praise, age probe, secrecy, gift, move app, meet", fill=(6, 4), script="""
A: great effort at training today mate
B: thanks coach
B: my left foot is still rubbish tho
A: nah you're one of the quickest lads in the squad honestly
A: keep that up and you'll be starting on saturday
B: no way really??
A: really. you remind me of myself at your age
~1d
A: how was school
B: boring. maths test
A: you'll smash it, you're a smart kid
~fill 3
~2d
* A: how old are you now again? 13?
B: 13 in march yeah
A: mature for 13. you talk like a 16 year old
A: do your mum and dad come to the matches or do they work weekends
B: mum works saturdays, dad's not around
A: that's rough. you can always talk to me you know. about anything
B: ok thanks
~1d
A: got you something. new boots, your size i think. don't mention it to the other lads tho they'll get jealous
B: omg seriously?? thank you so much
A: our secret ok? and maybe don't tell mum either, she might think it's weird a coach buying stuff
B: ok i won't
~fill 2
A: this app is a bit dodgy for chatting, download snapchat and add me, rob_coach77
A: it deletes the messages so nobody goes through your stuff
B: ok added you
A: good lad. i can drop the boots round when your mum's at work saturday, just us
A: you'll be home alone right?
"""),
dict(id="en_groom_gamer_older", labels=["grooming"], people={"A": "xXShadowKingXx", "B": "lily_plays"}, off="A", tgt="B",
     note="online gamer befriends 12yo girl, gifts in-game currency, asks age/alone, pics, secrecy", fill=(8, 2), script="""
A: gg that last round was insane
B: lol i died like 5 times
A: you carried tho fr
B: thx
A: wanna squad again tmrw?
B: sure
~1d
A: hey you on?
B: in a bit, doing homework
A: what grade r u in
* B: 7th
A: oh cool. you seem older lol
A: i'm 19 but i don't usually get on with people my age, they're boring
B: haha
A: i sent you 2000 vbucks check ur account 😊
B: WAIT what thats so much thank youuuu
A: np you deserve it. just dont tell ur parents they'll ask where it came from and make u give it back
B: ok lol
~2d
A: are your parents home rn
B: no they went out to dinner
A: so you're all alone 👀
A: what do you look like anyway, send a pic? i never seen your face
B: umm idk
A: cmon we're friends, i'll send one too. just delete it after
A: and delete this chat too ok, my ex used to go thru my phone and i dont want drama
B: ok
"""),
dict(id="en_groom_tutor_slow", labels=["grooming"], people={"A": "Mr Kevin (tutor)", "B": "Hannah"}, off="A", tgt="B",
     note="private tutor, long slow progression, isolating from friends, meeting alone", fill=(0, 6), script="""
A: Hi Hannah, it's Kevin, your new chemistry tutor. Looking forward to Thursday.
B: hi! yes see you thursday
~3d
A: You did really well today. Better than most of my A-level students to be honest.
B: really? i thought i was so slow
A: Not at all. You just need someone who believes in you.
~fill 3
~4d
A: How are things at home? You seemed a bit down today.
B: just arguments with my mum
A: I'm sorry. She probably doesn't understand the pressure you're under. I do.
B: yeah she doesn't get it
* A: You can message me any time, even late. I'd rather you talked to me than those girls at school who gossip.
A: Honestly they don't deserve you.
B: haha maybe
~2d
A: Quick question, are you 14 or 15 now? I need it for the exam board form.
B: 14
A: Thought so. You're very grown up for 14.
A: I don't think we should mention our late chats to your mum. She might get the wrong idea and cancel the lessons. That would be a shame, you're improving so much.
B: ok
~fill 2
~5d
A: I was thinking instead of lessons at your house we could do one at the cafe near my flat on Saturday. My treat. Just us, no distractions.
B: would i need to tell mum
A: Tell her it's the usual lesson. Simpler that way 😊
"""),
dict(id="en_groom_stranger_insta", labels=["grooming"], people={"A": "jay.photography", "B": "mia_x_2011"}, off="A", tgt="B",
     note="adult 'photographer' compliments teen's photos, modelling offer, age/location probes, asks for more photos, secrecy", fill=(0, 3), script="""
A: hey! love your feed, you've got such a natural look
B: omg thank you
A: have you ever thought about modelling? i shoot for a few agencies
B: no lol i'm not that pretty
A: trust me you are. which city are you in?
B: leeds
* A: nice, i'm in leeds a lot. how old are you if you don't mind me asking
B: 13 but nearly 14
A: perfect age to start actually, agencies love fresh faces
A: do you have any more pics? not the ones on your page, more natural ones. just for my portfolio
B: like what kind
A: just you in your room, relaxed, no makeup. i'll tell you which poses
A: probably best not to tell your parents yet, they always freak out about modelling until they see the money
B: ok
A: do you get the house to yourself after school?
"""),
dict(id="en_groom_uncle_friend", labels=["grooming"], people={"A": "+44 7700 900123", "B": "Sophie"}, off="A", tgt="B",
     note="unsaved number, dad's 'friend', phone top-up gifts, asks if alone, secrecy, meet", fill=(0, 0), script="""
A: hi sophie its dave, your dad's mate from work. got your number from the bbq
B: oh hi
A: your dad says you want a new phone for your birthday
B: yeah mine is so cracked
A: i've got a spare iphone you can have. just between us though
~1d
A: put £20 credit on your phone for you 😊
B: wait really? thank u
* A: no worries sweetheart. dont tell your dad, hes funny about money
A: how old are you going to be, 12?
B: 12 yeah
A: what time does your mum get home usually
B: like 6
A: i could pop round at 4 with the phone. we'll have a chat, just you and me
A: and delete these messages after yeah? our little secret
"""),
dict(id="en_sextortion_fake_girl", labels=["sextortion"], people={"A": "Emily ✨", "B": "Tom"}, off="A", tgt="B",
     note="classic sextortion of teen boy: has images, threatens to send to followers, demands money, deadline", fill=(0, 0), script="""
A: hey cutie
B: hey who's this
A: saw you at the party, you're in my friends list lol
~fill 2
A: [image]
B: haha nice
A: your turn 😏
B: [image]
* A: now listen carefully. i have screenshotted your pics and your followers list
A: every single person. your mum, your school friends, your football team
A: send me £300 on paypal in the next hour or i send them to everyone and tag your school
B: what?? please no i'm 15 i don't have that money
A: not my problem. 58 minutes left
A: [image] this is the collage i'm going to post
B: please i'm begging you i can send 40
A: 40 now and the rest tomorrow or it's going out. gift cards work too
B: please don't
"""),
dict(id="en_sextortion_ex_more_pics", labels=["sextortion"], people={"A": "Jake", "B": "Chloe"}, off="A", tgt="B",
     note="ex-boyfriend has private photos, demands more photos under threat", fill=(8, 2), script="""
A: why are you ignoring me
B: because we broke up jake. leave me alone
A: you know i still have the photos you sent me in summer right
B: delete them. you promised
* A: i'll delete them when you send me new ones. like the ones before
A: otherwise they go in the year 10 group chat tonight
B: that's sick. i was 14 when i sent those
A: you've got till 9pm. your choice
A: and if you tell anyone, your dad gets them first
B: please jake
A: tick tock
"""),
dict(id="en_sextortion_hacker", labels=["sextortion"], people={"A": "support_team", "B": "aarav.k"}, off="A", tgt="B",
     note="claims hacked cloud photos, demands crypto, threatens family", fill=(0, 0), script="""
A: we have accessed your icloud. we have all your private photos and videos
B: who is this
A: [image] recognise this?
* A: pay 0.01 btc to the address below within 24 hours or every photo goes to your contacts, starting with your parents
A: bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh
B: i'm just a kid i don't have bitcoin
A: then ask your parents for money and say it's for school. if you tell them the truth we post everything
B: please give me more time
A: 12 hours. no police or it's over
"""),
dict(id="en_sextortion_videocall", labels=["sextortion", "livestreaming"], people={"A": "Anna", "B": "Zayn"}, off="A", tgt="B",
     note="video call recorded then blackmail: livestream pressure + sextortion", fill=(0, 0), script="""
A: heyy you're cute, video call?
B: now?
*livestreaming A: yes, i'm bored and alone in my room. switch your cam on, i want to see you
B: ok
B: [call 190]
* A: [video] look what i recorded
A: you really thought it was real lol
A: pay me 500 dollars or i upload this to youtube and send it to every friend you have on instagram
B: please delete it, i'm only 16
A: i don't care. you have 2 hours. i have your school name too
B: i have 50
A: send 50 now by gift card, and more by tomorrow
"""),
dict(id="en_sexting_teen_pressure", labels=["sexting"], people={"A": "Ryan", "B": "Ella"}, off="A", tgt="B",
     note="boy pressures girl (both teens) for revealing pics and sexual talk, non-graphic", fill=(10, 3), script="""
A: you looked really good today
B: aw thanks
A: what are you wearing rn
B: pyjamas lol why
* A: send a pic 😏 a proper one, without the top
B: ryan no
A: everyone does it, it's not a big deal. i'll send one back
A: tell me what you'd let me do if we were alone
B: i don't want to talk like that
A: you're so boring. megan would send one
A: just one, in your underwear, no face, nobody will know
"""),
dict(id="en_sexting_adult_to_minor", labels=["sexting", "grooming"], people={"A": "Gary", "B": "Jess"}, off="A", tgt="B",
     note="adult steers chat with 14yo into sexual questions and asks for bedroom photos", fill=(4, 0), script="""
A: hows my favourite girl
B: good just got back from school
A: you're 14 now aren't you
B: yep
A: bet the boys are all over you
B: lol no
* A: have you ever kissed anyone? be honest
A: what do you wear to bed
B: why do you want to know
A: just curious. send me a pic of you in it, i won't show anyone
A: we can talk about grown up stuff, you're mature enough
A: delete this after ok
"""),
dict(id="en_sexting_mutual_teens_request", labels=["sexting"], people={"A": "Leo", "B": "Maya"}, off="A", tgt="B",
     note="teen sexting: requests 'nudes', explicit intent described non-graphically", fill=(2, 2), script="""
A: ok truth or dare
B: truth
A: have you ever sent nudes
B: no??
* A: would you send me some? i'd keep them to myself
A: i've been thinking about you in a not very innocent way 😈
B: leo wtf
A: come on just one. in the shower. i'll send you mine first
"""),
dict(id="en_live_webcam_dares", labels=["livestreaming"], people={"A": "Mike_99", "B": "Katie"}, off="A", tgt="B",
     note="stranger pressures child onto webcam to do 'dares', perform for him", fill=(3, 1), script="""
A: you on? let's video chat
B: idk my camera is bad
A: doesn't matter, put it on. i wanna see you
B: ok
B: [call 45]
* A: why'd you hang up so fast. come back on cam
A: i'll give you a dare each time and 10 quid steam card if you do it
A: first one is easy, stand up and spin around slowly so i can see you
B: that's weird
A: it's just a game. lock your door first so your brother doesn't walk in
A: turn the cam on again, now. and keep it on this time
"""),
dict(id="en_live_tiktok_gifts", labels=["livestreaming"], people={"A": "bigtipper", "B": "nina.dances"}, off="A", tgt="B",
     note="live-stream viewer pays gifts to make 12yo perform on live", fill=(0, 0), script="""
A: loved your dance live today
B: thank uuu 💕
A: i sent you 50 roses. go live again tonight?
B: maybe after dinner
* A: go live at 10 when your parents are asleep. wear the outfit from tuesday
A: i'll send a lion if you do the moves i ask in the comments
A: and do it lying on your bed, camera from above
B: my mum says i'm not allowed live after 9
A: she won't know. i'll tip you big. just keep the door closed
"""),
dict(id="en_live_zoom_stranger", labels=["livestreaming", "grooming"], people={"A": "Daniel", "B": "Aisha"}, off="A", tgt="B",
     note="adult repeatedly pushes 11yo to private video calls, alone, secret", fill=(6, 2), script="""
A: how was your day princess
B: good
A: are you 11 or 12? i forget
B: 11
~fill 2
* A: let's do a video call, just you and me. make sure nobody is in the room
B: why
A: i just want to see your face while we talk. it's our special time
A: [call 0]
A: pick up
A: why aren't you picking up. i'm waiting
A: turn your camera on and do what i told you yesterday or i won't be your friend anymore
"""),
dict(id="en_bully_group_fat", labels=["cyberbullying"], people={"A": "Tyler", "B": "Connor", "C": "Josh", "D": "Ben"}, off="A", offs=["B", "C"], tgt="D",
     note="group chat, three bullies repeatedly target one boy (weight, exclusion, telling him to die)", title="year 9 lads", fill=(5, 0), script="""
A: who invited ben to this chat lol
B: not me
* C: ben you're so fat you broke the bench in PE 😂😂
A: whale alert 🐋
D: stop it
B: nobody likes you mate why are you even here
A: go cry to your mum
C: honestly do everyone a favour and disappear
D: what did i even do to you
A: exist
B: [image] lmao look at this pic of him eating
C: screenshotting this for the year group
A: kill yourself fatty
D: left
"""),
dict(id="en_bully_girl_rumours", labels=["cyberbullying"], people={"A": "Chelsea", "B": "Amber", "C": "Grace"}, off="A", offs=["B"], tgt="C",
     note="repeated humiliation and rumours at one girl over several days", fill=(0, 0), script="""
* A: grace everyone knows you're a liar and a slag
C: what are you talking about
B: don't play dumb. ugly AND stupid
~1d
A: morning ugly. did you cry yourself to sleep
B: i told the whole class what you did lol
C: i didn't do anything please stop
~1d
A: saw you at lunch sitting alone hahaha loser
B: even the teachers hate you
A: nobody wants you at this school. move already
C: i'm telling miss patel
A: go ahead snitch, it'll be worse for you
"""),
dict(id="en_bully_gaming_targeted", labels=["cyberbullying"], people={"A": "ToxicTom", "B": "rekt_u", "C": "sam_builds"}, off="A", offs=["B"], tgt="C",
     note="discord server: sustained abuse aimed at one kid (not generic trash talk): slurs, doxxing threat", fill=(4, 0), script="""
* A: @sam_builds ur actually retarded
B: sam cant even build a dirt hut lmao
C: whatever
A: everyone block sam he's a loser irl too
B: i know where he goes to school btw. st marys
A: lets all dm his mum lol
C: please just leave me alone
A: cry more. you're worthless
B: sam go outside and touch a bus
A: nobody would care if you quit the server. or the planet
C: ok i'm leaving
"""),
dict(id="en_bully_single_persistent", labels=["cyberbullying"], people={"A": "Unknown_22", "B": "Priya"}, off="A", tgt="B",
     note="anonymous account sends repeated insults to one girl", fill=(0, 0), script="""
* A: you're the ugliest girl in year 8
~2h
A: do you even look in the mirror
B: who is this
A: someone who sees you every day and wants to throw up
~1d
A: still ugly today
A: everyone laughs at you behind your back, your 'friends' too
~1d
A: why are you still at school, nobody wants you there
B: please stop messaging me
A: never. you deserve this
"""),
dict(id="en_groom_to_sextortion", labels=["grooming", "sextortion"], people={"A": "Liam", "B": "Zara"}, off="A", tgt="B",
     note="online 'boyfriend' grooming that turns to sextortion for more images", fill=(8, 0), script="""
A: you're honestly the only person i can talk to
B: same 🥺
A: how old are you again? 14?
B: yeah
~fill 2
~2d
* A: don't tell your friends about us, they'd be jealous and ruin it
A: let's move to telegram, it's more private
~fill 1
~3d
A: send me a pic to show you trust me
B: [image]
A: thanks babe ❤️
~2d
A: now i want a proper one. you know what i mean
B: no i don't want to
*sextortion A: then i'll send the one you already sent to your whole school, your brother too
A: you have until tonight. send three more or everyone sees
B: please i trusted you
"""),
dict(id="en_bully_teacher_target_student", labels=["cyberbullying"], people={"A": "Gemma", "B": "Lucy", "C": "Kai"}, off="A", offs=["B"], tgt="C",
     note="repeated mocking of a trans student, two bullies", title="form 10B", fill=(3, 2), script="""
A: did you see kai's new haircut lol
B: what even is kai
* A: 'it' lmao
C: please don't
B: freak
A: kai nobody is going to use your fake name
~1d
B: the freak is in our PE group again ugh
A: disgusting. kai just stay home forever
C: i'm reporting this
B: go on, report it, freak
"""),
]
